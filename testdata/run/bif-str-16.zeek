# what this covers: find_str / rfind_str return 0-based positions or -1,
# honouring start/end and case sensitivity.
event zeek_init()
	{
	print find_str("abcabc", "bc"), rfind_str("abcabc", "bc");
	print find_str("abcabc", "zz"), rfind_str("abcabc", "zz");
	print find_str("abcabc", "bc", 2);
	print find_str("abcABC", "abc", 1, -1, F);
	}
