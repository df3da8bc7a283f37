# what this covers: set operations on sets of addresses and subnets.
event zeek_init()
	{
	local a = set(1.1.1.1, 2.2.2.2);
	local b = set(2.2.2.2, [::1]);
	print |(a | b)|, 2.2.2.2 in (a & b), [::1] in (b - a), 1.1.1.1 in (b - a);
	local n1 = set(10.0.0.0/8);
	local n2 = n1 | set(192.168.0.0/16);
	print 192.168.5.5 in n2, 10.9.9.9 in n2, 172.16.0.1 in n2;
	}
