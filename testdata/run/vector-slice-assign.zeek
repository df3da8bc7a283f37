# Assigning to a vector slice replaces that range, growing or shrinking
# the vector; reading slices copies.
event zeek_init()
	{
	local v = vector(1, 2, 3, 4, 5);
	v[1:3] = vector(20, 30, 35);
	print v;
	v[0:2] = vector(9);
	print v, |v|;
	local w = v[1:];
	w[0] = 0;
	print v, w;
	}
