# what this covers: to_addr on valid IPv4/IPv6 strings.
event zeek_init()
	{
	print to_addr("192.168.1.10"), to_addr("2001:db8::1"), to_addr("::ffff:10.0.0.1");
	print to_addr("10.0.0.1") == 10.0.0.1;
	}
