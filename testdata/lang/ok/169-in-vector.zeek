# what this covers: index in vector tests whether the index is set
event zeek_init()
	{
	local v = vector("a", "b");
	print 0 in v, 1 in v, 2 in v, 5 !in v;
	}
