# Deleting the current key while iterating is allowed; the loop still
# visits every other element once.
event zeek_init()
	{
	local t: table[count] of string = table();
	local i = 0;
	while ( i < 10 )
		{
		t[i] = cat(i);
		++i;
		}
	local visited = 0;
	for ( k in t )
		{
		++visited;
		if ( k % 2 == 0 )
			delete t[k];
		}
	print visited, |t|;
	for ( k in t )
		if ( k % 2 == 0 )
			print "even left", k;
	}
