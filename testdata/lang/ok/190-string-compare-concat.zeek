# what this covers: string concatenation chains and += on strings, string comparisons
event zeek_init()
	{
	local s = "a";
	s += "b";
	s = s + "c" + "d";
	print s, s == "abcd", s < "abce";
	local empty = "";
	print |empty| == 0, empty + s;
	}
