# IPv6 rendering rules from Zeek's language.ipv6-literals baseline: the
# first longest zero run becomes ::, a single zero group stays 0, a dotted
# IPv4 tail only for ::a.b.c.d and ::ffff:a.b.c.d style addresses.
event zeek_init()
	{
	print [::ffff:ffff], [::0a0a:ffff], [::ffff], [ffff::192.168.1.100];
	print [::ffff:0:192.168.1.100], [805B:2D9D:DC28::FC57:212.200.31.255];
	print [aaaa:bbbb:cccc:dddd:eeee:ffff:0:2222], [aaaa:bbbb:cccc:dddd:eeee:0:0:2222];
	print [::ffff:192.168.1.100], [1:0:0:2:0:0:0:3], [1:0:0:2:0:0:3:4];
	}
