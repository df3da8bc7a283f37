# expect(ours): error in ./add-to-table.zeek, line 7: illegal add statement
# what this covers: add statement on a table (add is only for sets)

event zeek_init()
	{
	local t: table[count] of string;
	add t[1];
	}
