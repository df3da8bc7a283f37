# what this covers: records as table keys compare by value; changing the
# record after insertion does not change the stored key.
type K: record { a: count; b: string; };
event zeek_init()
	{
	local t: table[K] of count = table();
	local k = K($a=1, $b="x");
	t[k] = 10;
	print t[K($a=1, $b="x")], K($a=1, $b="y") in t;
	k$a = 2;
	print K($a=1, $b="x") in t, k in t;
	for ( key in t )
		print key;
	}
