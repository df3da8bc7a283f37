# switch on ports: the protocol is part of the value, so 53/udp and
# 53/tcp are different labels.
function svc(p: port): string
	{
	switch ( p ) {
	case 53/udp:
		return "dns";
	case 53/tcp:
		return "dns-tcp";
	case 80/tcp, 8080/tcp:
		return "http";
	default:
		return "other";
	}
	}

event zeek_init()
	{
	print svc(53/udp), svc(53/tcp), svc(8080/tcp), svc(80/udp);
	}
