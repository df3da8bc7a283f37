# what this covers: to_lower / to_upper leave non-letters alone.
event zeek_init()
	{
	print to_lower("HeLLo World 123!"), to_upper("HeLLo World 123!");
	print to_lower(""), to_upper("abc\x00def") == "ABC\x00DEF";
	}
