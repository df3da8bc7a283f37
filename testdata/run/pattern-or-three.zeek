# what this covers: chaining `|` over three patterns nests the stored text
# and matches any of them.
event zeek_init()
	{
	local p = /a/ | /b/ | /c/;
	print p;
	print "a" == p, "b" == p, "c" == p, "d" == p, "ab" == p;
	}
