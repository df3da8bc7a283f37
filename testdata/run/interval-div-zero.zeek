# what this covers: dividing an interval by zero is a runtime error, like
# double division by zero.
event zeek_init()
	{
	local z = 0;
	print 1hr / 2;
	print 1hr / z;
	print "not reached";
	}
