# what this covers: += with complex right-hand sides and chained use of results
event zeek_init()
	{
	local a = 1;
	local b = 2;
	a += b * 3 + 1;
	b -= 1;
	local v = vector(1);
	v += a + b;
	print a, b, v;
	}
