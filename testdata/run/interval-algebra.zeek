# what this covers: interval arithmetic: interval +/- interval, scaling by
# numbers, interval / interval is a double, negative intervals.
event zeek_init()
	{
	local a = 2hrs;
	local b = 30mins;
	print a + b, a - b, b - a;
	print a * 2, 3 * b, a / 4, a * 0.5;
	print a / b, type_name(a / b);
	print -a, |-a|;
	print 1day > 23hrs, 60secs == 1min, 1msec < 1usec;
	}
