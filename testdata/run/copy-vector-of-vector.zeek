# what this covers: copy() of nested vectors copies every level.
event zeek_init()
	{
	local v = vector(vector(1, 2), vector(3));
	local c = copy(v);
	c[0][0] = 100;
	v[1] += 4;
	print v, c;
	}
