# what this covers: merge_pattern matches either input pattern.
event zeek_init()
	{
	local p = merge_pattern(/foo/, /bar/);
	print "foo" == p, "bar" == p, "baz" == p;
	print /oo/ in "foo", "xbarx" == p;
	}
