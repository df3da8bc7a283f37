# what this covers: for loops over sets, single index
event zeek_init()
	{
	local s = set("a", "b", "c");
	local n = 0;
	for ( x in s )
		{
		if ( x == "b" )
			next;
		++n;
		}
	print n;
	}
