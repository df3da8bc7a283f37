# what this covers: port literals for tcp, udp, icmp and unknown protocols
event zeek_init()
	{
	local a = 80/tcp;
	local b = 53/udp;
	local c = 8/icmp;
	local d = 0/unknown;
	local e: port = 65535/tcp;
	print a, b, c, d, e;
	print a < e, b == 53/udp;
	print port_to_count(a), get_port_transport_proto(b);
	}
