# what this covers: string comparison is bytewise (lexicographic), and
# `in` / `!in` test for a substring.
event zeek_init()
	{
	print "abc" < "abd", "abc" < "ab", "B" < "a", "" < "a", "abc" == "abc";
	print "abc" >= "abc", "b" > "abc", "abc" != "ABC";
	print "bc" in "abcd", "x" in "abcd", "cd" !in "abcd";
	}
