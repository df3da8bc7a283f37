# what this covers: double rendering: up to 6 decimals, trailing zeros
# trimmed, ".0" on integral values, exponent form for large and tiny
# magnitudes.
event zeek_init()
	{
	print 1.0, 0.5, 1.25, 3.14159265, 100.0, -2.5;
	print 0.000005, 0.0000005, 1e10, 1e-12, 2147483647.0, 2147483648.0;
	print 1.0 / 3.0, 2.0 / 3.0;
	}
