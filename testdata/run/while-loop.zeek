# what this covers: while loops with break and next.
event zeek_init()
	{
	local i = 0;
	while ( i < 10 )
		{
		++i;
		if ( i % 2 == 0 )
			next;
		if ( i > 7 )
			break;
		print i;
		}
	print "end", i;
	}
