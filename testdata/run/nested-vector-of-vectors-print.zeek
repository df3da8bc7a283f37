# Vectors of vectors print nested brackets; an empty inner vector is [].
event zeek_init()
	{
	local v: vector of vector of count = vector(vector(1, 2), vector(), vector(3));
	print v;
	print |v|, |v[1]|;
	v[1] += 7;
	print v;
	}
