# Subnets print the masked network and the prefix length; IPv4 subnets
# show the IPv4 length; addr/width makes a subnet.
event zeek_init()
	{
	print 127.0.0.1/24, 10.1.2.3/8, 1.2.3.4/32, 0.0.0.0/0;
	print [2001:db8::1]/32, [2001:db8:ffff::]/33;
	local a = 192.168.77.9;
	print a/16, a/0, [fe80::abcd]/10;
	}
