# fallthrough chains through several cases, into default too; a case
# ending in break stops there.
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
		break;
	case 4:
		print n, "four";
		fallthrough;
	default:
		print n, "default";
		break;
	}
	}

event zeek_init()
	{
	f(1);
	f(3);
	f(4);
	f(9);
	}
