# what this covers: is_v4_addr / is_v6_addr / is_v4_subnet / is_v6_subnet,
# subnet_to_addr and addr_to_subnet.
event zeek_init()
	{
	print is_v4_addr(1.2.3.4), is_v6_addr(1.2.3.4), is_v4_addr([::1]), is_v6_addr([::1]);
	print is_v4_subnet(10.0.0.0/8), is_v6_subnet([fe80::]/10);
	print subnet_to_addr(10.1.0.0/16), addr_to_subnet(10.1.2.3), addr_to_subnet([::1]);
	}
