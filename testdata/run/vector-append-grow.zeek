# v += x appends; v[|v|] = x appends too; assigning past the end leaves
# holes.
event zeek_init()
	{
	local v: vector of count = vector();
	v += 1;
	v[|v|] = 2;
	v[4] = 5;
	print v, |v|;
	}
