# what this covers: find_all returns the set of distinct matches.
event zeek_init()
	{
	local s = find_all("a1b22c1d333", /[0-9]+/);
	print |s|, "1" in s, "22" in s, "333" in s;
	print |find_all("abc", /[0-9]+/)|;
	}
