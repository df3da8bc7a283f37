# what this covers: address ordering and equality; IPv4 sorts as its
# IPv4-mapped IPv6 form; IPv4-mapped literals equal plain IPv4.
event zeek_init()
	{
	print 10.0.0.1 < 10.0.0.2, 10.0.0.10 > 10.0.0.9, 1.2.3.4 == 1.2.3.4;
	print [::ffff:1.2.3.4] == 1.2.3.4, 1.2.3.4 < [2001:db8::1], [::1] < 1.2.3.4;
	print |1.2.3.4|, |[::1]|;
	}
