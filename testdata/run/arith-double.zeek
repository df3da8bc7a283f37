# Doubles print with Zeek's algorithm; counts promote to double.
event zeek_init()
	{
	print 5.0, 1.5 + 1, 0.1 * 3, 1.0 / 3.0;
	print 0.000005, 0.0000005, 1e10, -2.5;
	local x = 3;
	print x / 2.0, x * 1.5;
	}
