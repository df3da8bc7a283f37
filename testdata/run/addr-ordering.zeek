# Addresses compare as 128-bit values: an IPv4 address is ::ffff:a.b.c.d,
# so it sorts after ::1 but before 2001::1.
event zeek_init()
	{
	print 10.0.0.2 < 10.0.0.10, 9.255.255.255 < 10.0.0.0, 1.2.3.4 == 1.2.3.4;
	print 255.255.255.255 < [::1], [::1] < [::2], 1.2.3.4 < [2001::1];
	}
