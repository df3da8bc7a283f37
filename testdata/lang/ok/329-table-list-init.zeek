# what this covers: a table initialized from a bracketed list of [key] = value entries (trailing comma allowed)
global codes: table[count] of string = [
	[200] = "OK",
	[404] = "Not Found",
];

event zeek_init()
	{
	local tbl: table[string] of string = [
		["abc"] = "123",
		["def"] = "456",
	];
	local multi: table[string, count] of bool = [ ["a", 1] = T ];
	print codes[404], tbl["abc"], |tbl|, multi["a", 1];
	}
