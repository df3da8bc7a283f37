# what this covers: strstr returns the 1-based position of the first
# occurrence, or 0 when absent.
event zeek_init()
	{
	print strstr("haystack", "st"), strstr("haystack", "h"), strstr("haystack", "zz");
	print strstr("aaaa", "aa");
	}
