# what this covers: sub replaces the first match, gsub every match.
event zeek_init()
	{
	print sub("hello hello", /l+/, "L");
	print gsub("hello hello", /l+/, "L");
	print gsub("aaa", /x/, "y");
	print sub("", /a*/, "z");
	print gsub("a.b.c", /\./, "::");
	}
