# what this covers: IPv6 containment and longest-prefix lookup on an IPv6
# table.
event zeek_init()
	{
	local t: table[subnet] of string = { [[2001:db8::]/32] = "doc", [[2001:db8:1::]/48] = "doc-1" };
	print t[[2001:db8:1::5]], t[[2001:db8:2::5]], [2001:db9::1] in t;
	print 10.0.0.1 in t;
	}
