# what this covers: reading past the end of a vector (or a negative index
# beyond its start) is a "no such index" error.
event zeek_init() &priority=1
	{
	local v = vector(1, 2, 3);
	print v[-1], v[-3];
	print v[3];
	print "not reached";
	}
event zeek_init()
	{
	local v = vector(1, 2, 3);
	print v[-4];
	}
