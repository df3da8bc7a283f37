# what this covers: order returns the permutation that would sort the
# vector and leaves the vector unchanged.
function cmp(a: count, b: count): int
	{
	return a < b ? -1 : (a > b ? 1 : 0);
	}

event zeek_init()
	{
	local v = vector(30, 10, 20);
	print order(v);
	print order(v, cmp);
	print v;
	}
