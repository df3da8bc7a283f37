# Interval rendering table (rendering.md §1.3, core.print-interval).
event zeek_init()
	{
	local i = 0.12345678912345 usecs;
	print i, -i;
	print i * 10000, -i * 10000 * 10000;
	print 1.001 usec * 1000, 1.1usec * 10000;
	print 8.5 days, 5.5 secs, 3.5 usecs;
	print 2 days + 2 secs;
	print fmt("*%10s*", 3hr);
	}
