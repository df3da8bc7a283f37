# what this covers: local declarations inside loop bodies and branches
event zeek_init()
	{
	for ( i in vector(1, 2) )
		{
		local sq = i * i;
		print sq;
		}
	if ( T )
		{
		local inside = "branch";
		print inside;
		}
	}
