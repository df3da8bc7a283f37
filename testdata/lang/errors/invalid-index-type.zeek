# expect(ours): error in ./invalid-index-type.zeek, line 7: index type mismatch (t[a])
# what this covers: indexing a table with a key of the wrong type

event zeek_init()
	{
	local t: table[count] of string;
	print t["a"];
	}
