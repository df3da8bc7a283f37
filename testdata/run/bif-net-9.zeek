# what this covers: is_tcp_port / is_udp_port / is_icmp_port and
# get_port_transport_proto.
event zeek_init()
	{
	print is_tcp_port(80/tcp), is_udp_port(80/tcp), is_icmp_port(80/tcp);
	print is_udp_port(53/udp), is_icmp_port(3/icmp);
	print get_port_transport_proto(80/tcp), get_port_transport_proto(53/udp), get_port_transport_proto(0/icmp);
	}
