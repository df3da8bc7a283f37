# what this covers: indexing a vector with a vector of indices or a vector of bool
event zeek_init()
	{
	local v = vector("a", "b", "c", "d");
	local idx: index_vec = vector(0, 2);
	local mask = vector(T, F, T, F);
	print v[idx], v[mask];
	}
