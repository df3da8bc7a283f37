# what this covers: is_num, is_alpha, is_alnum, is_ascii.
event zeek_init()
	{
	print is_num("12345"), is_num("12a");
	print is_alpha("abcXYZ"), is_alpha("ab1");
	print is_alnum("ab12"), is_alnum("ab 12");
	print is_ascii("plain"), is_ascii("caf\xe9");
	}
