# what this covers: vector slicing and assignment at index |v| to append
event zeek_init()
	{
	local v = vector(0, 1, 2, 3, 4);
	print v[1:3], v[:2], v[3:], v[:-1];
	v[|v|] = 5;
	v[0] = 100;
	print v;
	}
