# addr in subnet for both families. Zeek holds every address as 128-bit
# IPv6 (IPv4 as ::ffff:a.b.c.d), so [::]/0 contains IPv4 addresses too,
# while 0.0.0.0/0 (really ::ffff:0:0/96) contains no plain IPv6 address.
event zeek_init()
	{
	print 10.1.2.3 in 10.0.0.0/8, 11.0.0.1 in 10.0.0.0/8;
	print [2001:db8::5] in [2001:db8::]/32, [2001:db9::] in [2001:db8::]/32;
	print 10.0.0.1 in [::]/0, 0.0.0.0 in 0.0.0.0/0, [2001::1] in 0.0.0.0/0;
	print 1.2.3.4 in [::ffff:1.2.0.0]/112, 1.2.3.4 in [::ffff:0:0]/96, [::1] in [::]/0;
	}
