# what this covers: switch on enum and port values
type Mode: enum { FAST, SLOW, OFF };

event zeek_init()
	{
	local m = SLOW;
	switch ( m ) {
	case FAST, SLOW:
		print "running";
		break;
	case OFF:
		print "stopped";
		break;
	}
	switch ( 80/tcp ) {
	case 80/tcp, 8080/tcp:
		print "http";
		break;
	default:
		break;
	}
	}
