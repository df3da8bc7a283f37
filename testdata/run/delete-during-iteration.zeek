# what this covers: deleting entries (including ones not yet visited)
# while iterating over a table is safe; deleted entries are not visited.
event zeek_init()
	{
	local t: table[count] of string = { [1] = "a", [2] = "b", [3] = "c", [4] = "d" };
	for ( k in t )
		{
		print "visit", k;
		if ( k == 1 )
			delete t[3];
		delete t[k];
		}
	print |t|;
	}
