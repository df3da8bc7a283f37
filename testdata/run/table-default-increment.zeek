# what this covers: the usual counting idiom: `t[k] += 1` on a &default=0
# table reads the default and then stores the sum.
event zeek_init()
	{
	local counts: table[string] of count &default=0;
	for ( w in vector("a", "b", "a", "c", "a") )
		counts[vector("a", "b", "a", "c", "a")[w]] += 1;
	print counts["a"], counts["b"], counts["c"], counts["z"], |counts|;
	}
