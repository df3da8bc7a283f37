# &ordered tables iterate and print in insertion order, also after a
# delete and a re-insert.
event zeek_init()
	{
	local t: table[string] of count = table() &ordered;
	t["c"] = 3;
	t["a"] = 1;
	t["b"] = 2;
	delete t["c"];
	t["c"] = 30;
	for ( k, v in t )
		print k, v;
	print t;
	}
