# what this covers: string_to_pattern with and without conversion of
# special characters.
event zeek_init()
	{
	local p1 = string_to_pattern("a.c", F);
	local p2 = string_to_pattern("a.c", T);
	print "abc" == p1, "a.c" == p1;
	print "abc" == p2, "a.c" == p2;
	print convert_for_pattern("a.b*c");
	}
