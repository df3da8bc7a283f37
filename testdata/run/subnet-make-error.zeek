# what this covers: a width beyond the address family is a runtime error
# naming the family (IPv4 here), and the handler stops.
event zeek_init()
	{
	local i = 32;
	print 1.2.3.4/i;
	i = 33;
	print 1.2.3.4/i;
	print "not reached";
	}
