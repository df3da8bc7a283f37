# what this covers: port_to_count, count_to_port, to_port.
event zeek_init()
	{
	print port_to_count(80/tcp), port_to_count(53/udp);
	print count_to_port(443, tcp), count_to_port(53, udp), count_to_port(8, icmp);
	print to_port("22/tcp"), to_port("161/udp");
	}
