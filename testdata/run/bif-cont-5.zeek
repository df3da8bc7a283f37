# what this covers: clear_table empties tables and sets in place.
global g: table[string] of count = { ["a"] = 1, ["b"] = 2 };

event zeek_init()
	{
	local s = set(1, 2, 3);
	clear_table(g);
	clear_table(s);
	print |g|, |s|;
	g["c"] = 3;
	print g;
	}
