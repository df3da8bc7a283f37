# what this covers: += and -= on counts, ints, doubles, intervals, strings and vectors
event zeek_init()
	{
	local c = 1;
	local i = -1;
	local d = 1.5;
	local iv = 1 min;
	local s = "x";
	local v = vector(1);
	c += 2; c -= 1;
	i += +5; i -= +10;
	d += 0.5; d -= 1.0;
	iv += 30 secs; iv -= 10 secs;
	s += "y";
	v += 2;
	print c, i, d, iv, s, v;
	}
