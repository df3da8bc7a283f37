# what this covers: element-wise operations on vectors of different
# sizes are a runtime error.
event zeek_init()
	{
	local a = vector(1, 2, 3);
	local b = vector(1, 2);
	print a + b;
	print "not reached";
	}
