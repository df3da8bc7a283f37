# what this covers: assigning a vector to a slice of a vector replaces that part
event zeek_init()
	{
	local v = vector(1, 2, 3, 4, 5);
	v[1:3] = vector(7, 8, 9);
	print v;
	v[:1] = vector(0);
	print v;
	local names: vector of string = vector("a", "b", "c");
	names[2:] = vector("z");
	print names;
	}
