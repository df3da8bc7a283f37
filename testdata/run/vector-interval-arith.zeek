# what this covers: element-wise arithmetic on vectors of intervals.
event zeek_init()
	{
	local a = vector(1min, 2hrs);
	local b = vector(30secs, 30mins);
	print a + b, a - b;
	}
