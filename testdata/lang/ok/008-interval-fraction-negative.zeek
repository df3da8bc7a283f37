# what this covers: fractional and negative intervals, interval unary minus
event zeek_init()
	{
	local a = 0.5 secs;
	local b = 1.5hrs;
	local c = -1 min;
	local d = -(2 days);
	local e: interval = .25 sec;
	print a, b, c, d, e;
	print a + c;
	}
