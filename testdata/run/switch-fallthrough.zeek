# what this covers: `fallthrough` continues into the next case's body;
# without it a case ends at its break.
event zeek_init()
	{
	for ( i in vector(0, 1, 2) )
		{
		switch ( i ) {
		case 0:
			print "zero";
			fallthrough;
		case 1:
			print "zero or one";
			break;
		default:
			print "default";
			break;
		}
		}
	}
