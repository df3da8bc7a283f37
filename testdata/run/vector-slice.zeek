# what this covers: vector slices make new vectors; negative bounds count
# from the end.
event zeek_init()
	{
	local v = vector(1, 2, 3, 4, 5);
	local s = v[1:3];
	print s, v[:2], v[3:], v[-2:], v[2:1];
	s[0] = 99;
	print v;
	}
