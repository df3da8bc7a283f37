# what this covers: strcmp sign, subst_string, str_shell_escape, levenshtein_distance.
event zeek_init()
	{
	print strcmp("a", "b") < 0, strcmp("b", "a") > 0, strcmp("x", "x");
	print subst_string("one two one", "one", "1");
	print str_shell_escape("a\"b$c");
	print levenshtein_distance("kitten", "sitting"), levenshtein_distance("", "abc");
	}
