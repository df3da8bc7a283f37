# what this covers: negative vector indices read from the end.
event zeek_init()
	{
	local v = vector("a", "b", "c");
	print v[-1], v[-2], v[-3];
	}
