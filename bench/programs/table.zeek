# Table insert then lookup of 1M keys. Keys are spread (i * 7) so that every
# engine exercises its hash map (Lua would otherwise use its array part).
event zeek_init()
	{
	local n = 1000000;
	local t: table[count] of count = table();
	local i = 0;
	while ( i < n )
		{
		t[i * 7] = i;
		++i;
		}
	local sum = 0;
	i = 0;
	while ( i < n )
		{
		sum += t[i * 7];
		++i;
		}
	print sum;
	}
