# break inside a switch leaves the switch, not the enclosing loop.
event zeek_init()
	{
	for ( i in vector(0, 0, 0, 0) )
		{
		switch ( i ) {
		case 1:
			print "one", i;
			break;
		case 2:
			break;
		default:
			print "default", i;
			break;
		}
		print "end of iteration", i;
		}
	}
