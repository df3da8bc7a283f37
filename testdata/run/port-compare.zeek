# what this covers: ports compare by protocol first (unknown < tcp < udp
# < icmp), then number; |p| is the port number.
event zeek_init()
	{
	print 80/tcp < 443/tcp, 80/tcp == 80/tcp, 80/tcp != 80/udp;
	print 80/udp > 443/tcp, 53/udp < 8/icmp, 0/unknown < 1/tcp;
	print |443/tcp|, |53/udp|;
	}
