# what this covers: for ( i, v in vector ) index-value iteration over vectors
event zeek_init()
	{
	local v = vector(10, 20, 30);
	local total = 0;
	for ( i, x in v )
		{
		print i, x;
		total += x;
		}
	print total;
	}
