# what this covers: for ( k, v in table ) key-value iteration
event zeek_init()
	{
	local t = table(["one"] = 1, ["two"] = 2);
	local sum = 0;
	for ( k, v in t )
		{
		print k;
		sum += v;
		}
	print sum;
	}
