# what this covers: starts_with and ends_with, including empty affixes.
event zeek_init()
	{
	print starts_with("zeek.org", "zeek"), starts_with("zeek.org", "org");
	print ends_with("zeek.org", ".org"), ends_with("zeek.org", "zeek");
	print starts_with("abc", ""), ends_with("abc", ""), starts_with("ab", "abc");
	}
