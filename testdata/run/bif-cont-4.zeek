# what this covers: table_keys / table_values on a single-entry table, and
# sizes on a larger one.
event zeek_init()
	{
	local t: table[string] of count = { ["a"] = 1 };
	print table_keys(t), table_values(t);
	local u: table[count] of string = { [1] = "x", [2] = "y", [3] = "z" };
	local k = table_keys(u) as set[count];
	local vals = table_values(u) as vector of string;
	print |k|, 2 in k, |vals|;
	local sv = sort(vals, function(a: string, b: string): int { return strcmp(a, b); });
	print sv;
	}
