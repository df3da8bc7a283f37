# what this covers: string `+` and `+=`, including empty strings and
# non-printable bytes (escaped by print).
event zeek_init()
	{
	local s = "ab";
	s += "cd";
	s += "";
	print s, |s|;
	local t = s + "\x01" + "e";
	print t, |t|;
	local u = "";
	u += "x";
	print u;
	}
