# what this covers: pattern `|` (alternation) and `&` (concatenation):
# the stored text printed by print and the matching behaviour.
event zeek_init()
	{
	local p = /foo/;
	local q = /bar/;
	print p | q;
	print p & q;
	print "foo" == p | q, "bar" == p | q, "foobar" == p | q;
	print "foobar" == p & q, "foo" == p & q;
	}
