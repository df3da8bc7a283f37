# what this covers: strings containing comment and pattern-like characters
event zeek_init()
	{
	local a = "not # a comment";
	local b = "/not/ a pattern";
	local c = "braces { } and [brackets] and ; semicolons";
	local d = "single 'quotes' and @signs";
	print a, b, c, d;
	}
