# Double rendering edge cases (rendering.md §1.2): -0.0 prints 0.0, a
# value just above 1 that rounds to 1 at 6 decimals prints "1" (no .0),
# INT_MAX boundary, negative exponent forms, large negatives.
event zeek_init()
	{
	print -0.0, 1.0000004, 0.9999996, 123456.0000001;
	print 2147483647.5, -2147483648.0, -3.14e15, 1.5e300;
	print 0.000001, 0.00000123456789, -0.0000005;
	print 1e6, 12345678.9, 0.1 + 0.2;
	}
