# what this covers: a set[subnet] holding IPv4 and IPv6 prefixes matches
# addresses of each family only against prefixes of that family.
event zeek_init()
	{
	local s = set(0.0.0.0/0);
	print 1.2.3.4 in s, [::1] in s;
	add s[[::]/0];
	print [::1] in s;
	}
