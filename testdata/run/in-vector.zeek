# what this covers: `i in v` is true for indices holding a value.
event zeek_init()
	{
	local v: vector of string = vector("a");
	v[2] = "c";
	print 0 in v, 1 in v, 2 in v, 3 in v, 1 !in v;
	}
