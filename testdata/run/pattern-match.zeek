# what this covers: `p == s` is an anchored full match (either operand
# order), `p in s` searches anywhere, `!in` negates.
event zeek_init()
	{
	print /fo+/ == "foo", "foo" == /fo+/, /fo+/ == "xfoo", "xfoo" != /fo+/;
	print /fo+/ in "xfooy", /fo+/ in "bar", /fo+/ !in "bar";
	print /^abc/ in "abcdef", /^abc/ in "xabc", /def$/ in "abcdef";
	print /a.c/ == "abc", /a.c/ == "ac", /[0-9]+/ == "12345", /[0-9]+/ == "12a45";
	}
