# what this covers: port comparison, conversions, protocol checks
event zeek_init()
	{
	local p = 443/tcp;
	print port_to_count(p), count_to_port(53, udp);
	print get_port_transport_proto(p) == tcp;
	print p > 80/tcp, p == 443/tcp;
	}
