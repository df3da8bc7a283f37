# what this covers: gsub with a character class, anchored sub.
event zeek_init()
	{
	print gsub("2024-01-15", /-/, "/");
	print sub("  trim me", /^ +/, "");
	print gsub("CamelCaseWord", /[A-Z]/, "_");
	}
