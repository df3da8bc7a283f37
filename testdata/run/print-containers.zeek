# Sets and tables print over several lines, in insertion order.
event zeek_init()
	{
	local s = set(3, 1, 2);
	print s;
	local t: table[count] of string = { [1] = "one", [2] = "two" };
	print t;
	local e: set[string];
	print e;
	local m: table[string, count] of set[count] = { ["a", 1] = set(5) };
	print m;
	}
