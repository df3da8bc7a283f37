# what this covers: entries added during iteration are not visited by
# that loop (our insertion-order iteration); the table still grows.
event zeek_init()
	{
	local t: table[count] of count = { [1] = 1, [2] = 2 };
	for ( k in t )
		{
		print "visit", k;
		t[k + 10] = k;
		}
	print |t|;
	}
