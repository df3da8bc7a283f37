# A table of vectors: appending through the index changes the stored
# vector in place; printing nests the vector inside the table entry.
event zeek_init()
	{
	local t: table[string] of vector of count = table();
	t["a"] = vector();
	t["a"] += 1;
	t["a"] += 2;
	t["a"][5] = 6;
	print t;
	print |t["a"]|;
	}
