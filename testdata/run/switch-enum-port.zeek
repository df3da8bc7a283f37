# what this covers: switch on enums and ports.
type E: enum { A, B, C };
event zeek_init()
	{
	for ( e in set(A, B, C) )
		{
		switch ( e ) {
		case A, C:
			print "A or C";
			break;
		case B:
			print "B";
			break;
		}
		}
	local p = 53/udp;
	switch ( p ) {
	case 53/tcp:
		print "tcp dns";
		break;
	case 53/udp:
		print "udp dns";
		break;
	}
	}
