# switch on addresses, IPv4 and IPv6 labels in one switch.
function who(a: addr): string
	{
	switch ( a ) {
	case 127.0.0.1, [::1]:
		return "loopback";
	case 10.0.0.1:
		return "gateway";
	default:
		return "host";
	}
	}

event zeek_init()
	{
	print who(127.0.0.1), who([::1]), who(10.0.0.1), who(10.0.0.2);
	}
