# what this covers: reading a missing key without &default is a "no such
# index" error showing the index expression.
event zeek_init()
	{
	local t: table[string, count] of bool = table();
	t["a", 1] = T;
	print t["a", 1];
	print t["b", 2];
	print "not reached";
	}
