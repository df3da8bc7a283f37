# next skips the rest of one iteration over a set.
event zeek_init()
	{
	local s: set[count] = set(1, 2, 3, 4, 5, 6);
	local sum = 0;
	for ( k in s )
		{
		if ( k % 3 != 0 )
			next;
		sum += k;
		}
	print sum;
	}
