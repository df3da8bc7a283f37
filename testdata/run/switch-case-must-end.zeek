# Every case block must end in break, fallthrough or return (next does
# not count): a checker error for each offending case, nothing runs.
function f(n: count)
	{
	switch ( n ) {
	case 1:
		print n, "one";
		fallthrough;
	case 2:
		print n, "two";
		fallthrough;
	case 3:
		print n, "three";
	case 4:
		print n, "four";
		fallthrough;
	default:
		print n, "default";
	}
	}

event zeek_init()
	{
	f(1);
	f(3);
	f(4);
	f(9);
	}
