# what this covers: vector slices with negative bounds and string negative indexing
event zeek_init()
	{
	local v = vector(1, 2, 3, 4);
	print v[-2:], v[:-2], v[1:-1];
	local s = "hello";
	print s[-1], s[-3:-1];
	}
