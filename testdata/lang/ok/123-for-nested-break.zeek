# what this covers: nested for loops, break/next only affect the innermost loop
event zeek_init()
	{
	local outer = vector(1, 2, 3);
	local inner = vector(10, 20, 30);
	for ( i in outer )
		{
		for ( j in inner )
			{
			if ( inner[j] == 20 )
				break;
			print outer[i] * inner[j];
			}
		if ( outer[i] == 2 )
			next;
		print "after inner", i;
		}
	}
