# what this covers: built-in enum transport_proto values
event zeek_init()
	{
	local p: transport_proto = tcp;
	local q = get_port_transport_proto(53/udp);
	print p, q, icmp, unknown_transport;
	print q == udp;
	}
