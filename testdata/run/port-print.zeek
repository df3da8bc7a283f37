# what this covers: ports render as number/protocol for every protocol.
event zeek_init()
	{
	print 80/tcp, 53/udp, 8/icmp, 0/unknown, 65535/tcp;
	}
