# break leaves only the innermost loop; the outer loop continues (for over
# a vector binds the index, so i and j are 0, 1, 2).
event zeek_init()
	{
	for ( i in vector(10, 20, 30) )
		{
		for ( j in vector(1, 2, 3) )
			{
			if ( j == 1 )
				break;
			print "inner", i, j;
			}
		print "outer", i;
		}
	local n = 0;
	while ( n < 3 )
		{
		++n;
		local m = 0;
		while ( T )
			{
			++m;
			if ( m >= n )
				break;
			}
		print n, m;
		}
	}
