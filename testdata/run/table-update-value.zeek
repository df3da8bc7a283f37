# what this covers: assigning an existing key replaces the value without
# changing the size or the iteration position.
event zeek_init()
	{
	local t: table[string] of count = { ["a"] = 1, ["b"] = 2 };
	t["a"] = 100;
	print |t|;
	for ( k, v in t )
		print k, v;
	}
