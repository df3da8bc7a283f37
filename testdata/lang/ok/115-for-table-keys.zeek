# what this covers: for loop over table keys and value lookup in the body
event zeek_init()
	{
	local t: table[string] of count = { ["a"] = 1, ["b"] = 2 };
	local total = 0;
	for ( k in t )
		total += t[k];
	print total;
	}
