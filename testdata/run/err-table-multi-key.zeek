# A missing two-column key in a table read is "no such index".
event zeek_done()
	{
	local t: table[string, count] of count = { ["a", 1] = 10 };
	print t["a", 1];
	print t["a", 2];
	}
