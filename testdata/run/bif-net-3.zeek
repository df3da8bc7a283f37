# what this covers: to_subnet on valid strings.
event zeek_init()
	{
	print to_subnet("10.0.0.0/8"), to_subnet("2001:db8::/32");
	print to_subnet("192.168.1.77/24");
	}
