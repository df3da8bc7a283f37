# what this covers: ! applied to a parenthesized in-expression versus !in
event zeek_init()
	{
	local s = set(1);
	print ! (2 in s), 2 !in s;
	print ! (1 in s) || 1 in s;
	}
