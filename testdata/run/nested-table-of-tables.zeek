# table of tables: the inner table is updated in place through a double
# index; a missing outer key is an error, a missing inner key too.
event zeek_init()
	{
	local t: table[string] of table[string] of count = table();
	t["x"] = table();
	t["x"]["y"] = 1;
	t["x"]["y"] += 41;
	print t["x"]["y"];
	print "x" in t, "y" in t["x"], "z" in t["x"];
	print t;
	}
