# what this covers: `addr / width` masks the address to a subnet, for
# IPv4 and IPv6 and with count or int widths.
event zeek_init()
	{
	local w = 24;
	local i: int = 16;
	print 1.2.3.4/w, 1.2.3.4/i, 1.2.3.4/32, 1.2.3.4/0;
	print [2001:db8:1:2::1]/48, [2001:db8::1]/128;
	print 10.11.12.13/8 == 10.0.0.0/8;
	}
