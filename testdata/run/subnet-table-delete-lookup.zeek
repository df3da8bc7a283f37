# what this covers: after deleting the longer prefix, lookups fall back to
# the shorter one; after deleting both, membership is false.
event zeek_init()
	{
	local t: table[subnet] of count = { [10.0.0.0/8] = 8, [10.1.0.0/16] = 16 };
	print t[10.1.1.1];
	delete t[10.1.0.0/16];
	print t[10.1.1.1];
	delete t[10.0.0.0/8];
	print 10.1.1.1 in t, |t|;
	}
