# what this covers: `break` leaves the innermost loop, `next` continues
# with the next element.
event zeek_init()
	{
	for ( i in vector(0, 1, 2, 3, 4, 5) )
		{
		if ( i == 1 )
			next;
		if ( i == 4 )
			break;
		for ( j in set(10, 20) )
			{
			if ( j == 20 )
				break;
			print i, j;
			}
		}
	}
