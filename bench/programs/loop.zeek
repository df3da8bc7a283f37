# A 10M-iteration count loop summing its counter. Zeek has no numeric for
# loop; while is its counting loop.
event zeek_init()
	{
	local n = 10000000;
	local i = 0;
	local sum = 0;
	while ( i < n )
		{
		sum += i;
		++i;
		}
	print sum;
	}
