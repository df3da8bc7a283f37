# what this covers: count_substr counts non-overlapping occurrences.
event zeek_init()
	{
	print count_substr("abababab", "ab"), count_substr("aaaa", "aa");
	print count_substr("abc", "z"), count_substr("abc", "abc");
	}
