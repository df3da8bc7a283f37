# what this covers: copy() of a table gives an independent table; the
# original keeps its entries.
event zeek_init()
	{
	local t: table[string] of vector of count = { ["a"] = vector(1) };
	local c = copy(t);
	c["a"] += 2;
	c["b"] = vector(3);
	print t;
	print c;
	}
