# what this covers: for ( [a, b], v in table ) multi-index key-value iteration
event zeek_init()
	{
	local t: table[string, count] of double = { ["a", 1] = 0.5, ["b", 2] = 1.5 };
	local acc = 0.0;
	for ( [s, c], v in t )
		{
		print s, c;
		acc += v * c;
		}
	print acc;
	}
