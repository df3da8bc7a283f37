# Ports of every protocol print as number/proto; count_to_port and
# port_to_count convert; icmp ports carry the ICMP type.
event zeek_init()
	{
	print 80/tcp, 53/udp, 8/icmp, 0/unknown;
	print count_to_port(256, icmp), port_to_count(443/tcp);
	print get_port_transport_proto(53/udp);
	print 65535/tcp, 0/tcp;
	}
