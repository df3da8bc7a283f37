# what this covers: precedence of in/!in relative to comparisons and boolean ops
event zeek_init()
	{
	local s = set(1, 2, 3);
	local t = set(9);
	print 1 in s && 9 in t;
	print 4 !in s || 1 in t;
	print 1 + 1 in s;
	print "x" in "xyz" == T;
	}
