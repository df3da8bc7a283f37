# print renders every basic type the way Zeek does.
type Color: enum { RED, GREEN };
type R: record { a: count; b: string &optional; c: addr &default=1.2.3.4; };

event zeek_init()
	{
	print T, F, 0, 18446744073709551615, -9223372036854775807;
	print 80/tcp, 53/udp, 8/icmp, 0/unknown;
	print 10.0.0.1, [::1], [::ffff:192.168.1.100], [2001:db8::1], 10.1.2.3/16, [2001:db8::]/32;
	print RED, GREEN;
	print R($a=1), R($a=2, $b="x");
	print vector(1, 2), vector("a", "b");
	print /a|b/;
	}
