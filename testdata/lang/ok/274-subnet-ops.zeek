# what this covers: subnet equality, subnet width, subnet_to_addr and subnet membership of addrs
event zeek_init()
	{
	local n = 10.1.0.0/16;
	print n == 10.1.0.0/16, n != 10.2.0.0/16;
	print subnet_width(n), subnet_to_addr(n);
	print 10.1.200.3 in n;
	}
