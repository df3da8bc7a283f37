# what this covers: double-quoted literal strings inside patterns, escaped slash and dot
event zeek_init()
	{
	local p = /"a.b"c+/;
	local q = /foo"*"bar/;
	local r = /\/usr\/bin/;
	local s = /www\.example\.com/;
	print p == "a.bccc", q == "foo*bar";
	print r in "/usr/bin/env", s == "www.example.com";
	}
