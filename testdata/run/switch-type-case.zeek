# what this covers: `case type T as x` on an any value binds x to the
# value with its real type; several types per case; default otherwise.
type R: record { a: count; };
function f(x: any)
	{
	switch ( x ) {
	case type count as c:
		print "count", c + 1;
		break;
	case type string as s:
		print "string", s + "!";
		break;
	case type R as r:
		print "record", r$a;
		break;
	case type set[string], type vector of count:
		print "container";
		break;
	default:
		print "something else";
		break;
	}
	}
event zeek_init()
	{
	f(1);
	f("a");
	f(R($a=3));
	f(set("x"));
	f(vector(1));
	f(1.5);
	}
