# what this covers: for ( i in vector ) iterates indices (count)
event zeek_init()
	{
	local v = vector("x", "y", "z");
	for ( i in v )
		{
		local j: count = i;
		print j, v[i];
		}
	}
