# what this covers: in/!in on sets and tables, tuple keys with [a, b] in t
event zeek_init()
	{
	local s = set("a");
	local t: table[count, string] of bool = { [1, "x"] = T };
	print "a" in s, "b" !in s;
	print [1, "x"] in t, [2, "y"] !in t;
	local k = 1;
	print [k, "x"] in t;
	}
