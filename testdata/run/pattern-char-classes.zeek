# Pattern character classes, repetition counts and quoted literals.
event zeek_init()
	{
	print /[[:digit:]]{3}/ == "123", /[[:digit:]]{3}/ == "12", /[a-c]+/ == "abcab";
	print /a{2,3}/ == "aaa", /a{2,3}/ == "aaaa", /"a.b"/ == "a.b", /"a.b"/ == "axb";
	print /x|y/ == "y", /(ab)*/ == "", /./ == "\n";
	}
