# Vector slices return new vectors; negative bounds count from the end.
event zeek_init()
	{
	local v = vector(1, 2, 3, 4, 5);
	print v[1:3], v[:2], v[3:], v[-2:];
	local w = v[0:2];
	w[0] = 100;
	print v[0], w;
	}
