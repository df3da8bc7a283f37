# what this covers: pattern alternation inside a pattern and the | and & pattern operators
event zeek_init()
	{
	local p = /a|b/;
	local q = /cat/ | /dog/;
	local r = /foo/ & /bar/;
	print p in "xbx";
	print q == "dog", q == "cow";
	print r == "foobar";
	}
