# what this covers: deleting table entries while iterating
event zeek_init()
	{
	local t: table[count] of string = { [1] = "a", [2] = "b", [3] = "c" };
	for ( k in t )
		{
		if ( k % 2 == 1 )
			delete t[k];
		}
	print |t|;
	}
