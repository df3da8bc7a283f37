# String concatenation, comparison, size, substring test and slicing.
event zeek_init()
	{
	local s = "hello";
	local t = s + ", " + "world";
	print t, |t|;
	print "ell" in s, "xyz" in s, s < "world", s == "hello";
	print s[1:3], s[:-1], s[2:], s[0];
	print "tab\there", "nul\x00byte";
	}
