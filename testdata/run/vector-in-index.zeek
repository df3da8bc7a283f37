# i in v tests whether index i is set.
event zeek_init()
	{
	local v: vector of string;
	v[0] = "a";
	v[2] = "c";
	print 0 in v, 1 in v, 2 in v, 3 in v;
	}
