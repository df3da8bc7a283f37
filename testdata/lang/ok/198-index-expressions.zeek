# what this covers: indexing tables, vectors and strings with computed index expressions
event zeek_init()
	{
	local t: table[count] of string = { [2] = "two" };
	local v = vector(5, 6, 7);
	local s = "hello";
	local k = 1;
	print t[k + 1], v[k * 2], s[k], s[|s| - 1];
	print v[|v| - 1];
	}
