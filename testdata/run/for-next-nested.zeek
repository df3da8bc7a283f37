# next in an inner loop continues that loop only.
event zeek_init()
	{
	for ( i in vector("a", "b") )
		{
		for ( c in "xyz" )
			{
			if ( c == "y" )
				next;
			print i, c;
			}
		}
	}
