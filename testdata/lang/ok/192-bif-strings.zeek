# what this covers: common string BIFs in expressions
event zeek_init()
	{
	local s = "Hello, World";
	print to_lower(s), to_upper(s);
	print split_string("a,b,c", /,/);
	print sub(s, /World/, "Zeek"), gsub("aaa", /a/, "b");
	print strstr(s, "World"), sub_bytes(s, 1, 5);
	print fmt("%s has %d chars", s, |s|);
	print cat("x", 1, 2.0), string_cat("a", "b");
	}
