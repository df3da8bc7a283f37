# what this covers: delete on tables, including a missing key (no error) and multi-index
event zeek_init()
	{
	local t: table[count] of string = { [1] = "a", [2] = "b" };
	local u: table[string, count] of bool = { ["x", 1] = T };
	delete t[1];
	delete t[99];
	delete u["x", 1];
	print |t|, |u|;
	}
