# t += { ... } adds entries, overwriting existing keys; s -= set(...)
# removes members.
event zeek_init()
	{
	local t: table[string] of count = { ["a"] = 1 };
	t += { ["a"] = 10, ["b"] = 2 };
	print |t|, t["a"], t["b"];
	local s = set(1, 2, 3);
	s -= set(2, 9);
	print |s|, 2 in s;
	}
