# what this covers: IPv6 address rendering: compressed zeros, lowercase,
# IPv4-mapped addresses as IPv4.
event zeek_init()
	{
	print [2001:DB8:0:0:0:0:0:1], [::1], [::], [fe80::1:0:0:1], [::ffff:10.1.2.3];
	print [2001:db8::]/32, [::ffff:0:0]/96;
	}
