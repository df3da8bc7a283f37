# what this covers: tables whose values are sets or tables print nested
# blocks without indentation.
event zeek_init()
	{
	local t: table[count] of set[string] = table();
	t[1] = set("a");
	t[2] = set();
	print t;
	local tt: table[string] of table[string] of count = table();
	tt["x"] = table(["y"] = 1);
	print tt;
	}
