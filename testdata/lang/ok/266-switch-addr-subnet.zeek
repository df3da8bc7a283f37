# what this covers: switch on addr and subnet values
event zeek_init()
	{
	local a = 10.0.0.1;
	switch ( a ) {
	case 10.0.0.1, [::1]:
		print "known host";
		break;
	default:
		print "unknown";
		break;
	}
	switch ( 10.0.0.0/8 ) {
	case 10.0.0.0/8:
		print "rfc1918";
		break;
	}
	}
