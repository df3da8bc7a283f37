# what this covers: table types, table() constructor with bracketed keys, brace initializers
global codes: table[count] of string = { [200] = "OK", [404] = "Not Found" };

event zeek_init()
	{
	local t = table([1] = "one", [2] = "two");
	local u: table[string] of count = table(["a"] = 1, ["b"] = 2);
	print t[1], u["b"], codes[404];
	print |t|, |codes|;
	}
