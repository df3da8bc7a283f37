# default may come before other cases; a matching later case still wins.
event zeek_init()
	{
	for ( s in set("a") )
		{
		switch ( s ) {
		default:
			print "default";
			break;
		case "a":
			print "a";
			break;
		}
		}
	switch ( "zz" ) {
	default:
		print "default for zz";
		break;
	case "a":
		print "a";
		break;
	}
	}
