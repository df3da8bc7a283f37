# switch on an enum with several labels per case.
type Proto: enum { TCP, UDP, ICMP, SCTP };

function kind(p: Proto): string
	{
	switch ( p ) {
	case TCP, SCTP:
		return "stream";
	case UDP:
		return "datagram";
	default:
		return "other";
	}
	}

event zeek_init()
	{
	print kind(TCP), kind(UDP), kind(ICMP), kind(SCTP);
	}
