# what this covers: addr in subnet, addr in set[subnet], addr in table[subnet], subnet in set[subnet]
event zeek_init()
	{
	local nets: set[subnet] = { 10.0.0.0/8, [2001:db8::]/32 };
	local owners: table[subnet] of string = { [192.168.0.0/16] = "home" };
	print 10.9.8.7 in 10.0.0.0/8;
	print [2001:db8::1] in nets, 1.1.1.1 !in nets;
	print 192.168.5.5 in owners;
	print 10.0.0.0/8 in nets, 10.0.0.0/16 in nets;
	}
