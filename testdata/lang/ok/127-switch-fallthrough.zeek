# what this covers: fallthrough into the next case
event zeek_init()
	{
	local level = 2;
	switch ( level ) {
	case 3:
		print "three";
		fallthrough;
	case 2:
		print "two";
		fallthrough;
	case 1:
		print "one";
		break;
	default:
		print "none";
		break;
	}
	}
