# what this covers: pattern literals, == (full match) and in (search)
event zeek_init()
	{
	local p = /foo/;
	local q: pattern = /ba+r/;
	print p == "foo", p == "foobar";
	print p in "xxfooxx", q in "baaar!";
	print /^abc$/ in "abc";
	}
