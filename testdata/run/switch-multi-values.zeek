# what this covers: several values per case, a default, and no match
# without a default (nothing runs).
function f(n: count): string
	{
	switch ( n ) {
	case 1, 2, 3:
		return "small";
	case 10, 20:
		return "round";
	default:
		return "other";
	}
	}
function g(s: string)
	{
	switch ( s ) {
	case "a":
		print "got a";
		break;
	}
	print "after switch", s;
	}
event zeek_init()
	{
	print f(2), f(20), f(7);
	g("a");
	g("b");
	}
