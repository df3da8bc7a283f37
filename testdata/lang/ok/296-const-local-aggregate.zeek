# what this covers: const locals holding aggregates and being read in loops
event zeek_init()
	{
	const allowed = set(22/tcp, 443/tcp);
	const limits: table[string] of count = { ["a"] = 1 };
	for ( p in allowed )
		print p;
	print limits["a"];
	}
