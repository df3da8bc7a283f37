# what this covers: `p += q` adds an alternative; the added pattern comes
# first in the stored text, and both alternatives match.
event zeek_init()
	{
	local p = /foo/;
	p += /bar/;
	print p;
	print "foo" == p, "bar" == p, "baz" == p;
	}
