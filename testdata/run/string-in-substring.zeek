# "x" in s is a substring test; !in negates; the empty string is in
# every string.
event zeek_init()
	{
	print "bc" in "abcd", "cb" in "abcd", "" in "abc", "abc" !in "ab";
	}
