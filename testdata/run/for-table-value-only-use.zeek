# for ( k, v in t ): v is the value at k; assigning to v does not change
# the table (v is a copy of the reference for aggregates, a copy of the
# value for scalars).
event zeek_init()
	{
	local t: table[string] of count = { ["a"] = 1 };
	for ( k, v in t )
		{
		v = 99;
		print k, v, t[k];
		}
	local tv: table[string] of vector of count = { ["a"] = vector(1) };
	for ( k2, v2 in tv )
		v2 += 2;
	print tv["a"];
	}
