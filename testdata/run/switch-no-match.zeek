# A switch without a default and no matching case does nothing.
event zeek_init()
	{
	switch ( 5 ) {
	case 1:
		print "one";
		break;
	}
	print "after";
	}
