# what this covers: indexing/slicing binds tighter than + and comparisons
event zeek_init()
	{
	local s = "abcdef";
	print s[1:3] + "x";
	print s[0] + s[5] == "af";
	print |s[2:]| * 2;
	print "b" in s[1:2];
	}
