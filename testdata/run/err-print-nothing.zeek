# what this covers: when one argument of print fails, nothing of the line
# is printed.
event zeek_init()
	{
	local v = vector(1);
	print "first";
	print "a", v[0], v[5], "b";
	}
