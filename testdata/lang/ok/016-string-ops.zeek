# what this covers: string concatenation, comparison, length, substring test
event zeek_init()
	{
	local s = "hello";
	local t = s + ", " + "world";
	print t, |t|;
	print s < "world", s == "hello", s != t;
	print "ell" in s, "xyz" !in s;
	}
