# what this covers: ports as set members: protocol matters.
event zeek_init()
	{
	local s = set(22/tcp, 53/udp);
	print 22/tcp in s, 22/udp in s, 53/udp in s;
	}
