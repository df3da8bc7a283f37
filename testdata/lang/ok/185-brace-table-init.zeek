# what this covers: brace initializers for multi-index tables with a trailing comma, set values
global matrix: table[count, string] of double = {
	[1, "a"] = 2.0,
	[2, "b"] = 9.5,
};

global groups: table[string] of set[count] = {
	["odd"] = set(1, 3),
	["even"] = set(2, 4),
};

event zeek_init()
	{
	print |matrix|, matrix[2, "b"], |groups["odd"]|;
	}
