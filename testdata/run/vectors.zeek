# Vectors: constructor, append, index, holes skipped by for, slicing.
event zeek_init()
	{
	local v = vector(1, 2, 3);
	v += 4;
	print |v|, v[0], v[3];
	v[6] = 7;
	print |v|;
	for ( i in v )
		print i, v[i];
	local w = v[1:3];
	print |w|, w[0], w[1];
	}
