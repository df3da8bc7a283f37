# what this covers: IPv4 and IPv6 subnet literals, addr in subnet
event zeek_init()
	{
	local n1 = 10.0.0.0/8;
	local n2: subnet = 192.168.0.0/16;
	local n3 = [2001:db8::]/32;
	local n4 = [::ffff:0:0]/96;
	print n1, n2, n3, n4;
	print 10.1.2.3 in n1, [2001:db8::5] in n3;
	print 172.16.0.1 !in n2;
	}
