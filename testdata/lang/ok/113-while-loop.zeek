# what this covers: while loops with break and next
event zeek_init()
	{
	local i = 0;
	local sum = 0;
	while ( i < 100 )
		{
		++i;
		if ( i % 2 == 0 )
			next;
		if ( i > 15 )
			break;
		sum += i;
		}
	print sum;
	}
