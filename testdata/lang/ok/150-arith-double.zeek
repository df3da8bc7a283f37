# what this covers: double arithmetic and comparisons, division producing fractions
event zeek_init()
	{
	local a = 7.0;
	local b = 2.0;
	print a / b, a * b, a - b, a + b;
	print a > b, a <= 7, b == 2;
	print 1 / 3.0, -1.5 * 2;
	}
