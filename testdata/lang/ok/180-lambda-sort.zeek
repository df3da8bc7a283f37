# what this covers: lambdas as comparison functions for the sort BIF
event zeek_init()
	{
	local v = vector(5, 2, 9, 1);
	sort(v, function(a: count, b: count): int { return a < b ? -1 : (a > b ? +1 : +0); });
	print v;
	local names = vector("bb", "a", "ccc");
	sort(names, function(a: string, b: string): int { return |a| < |b| ? -1 : +1; });
	print names;
	}
