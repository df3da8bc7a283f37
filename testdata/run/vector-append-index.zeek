# what this covers: `v += x` appends; `v[|v|] = x` appends too; assigning
# past the end leaves holes.
event zeek_init()
	{
	local v: vector of count = vector();
	v += 1;
	v[|v|] = 2;
	v[5] = 6;
	print v, |v|;
	print 4 in v, 5 in v, 1 in v;
	}
