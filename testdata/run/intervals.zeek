# Interval literals, arithmetic and printing.
event zeek_init()
	{
	print 0 secs, 1 min, 90 secs, 8.5 days, 2 days + 2 secs;
	print 3 hrs * 2, 1 hr / 2, -1 min;
	print 1 day > 23 hrs, 5 secs == 5000 msecs;
	}
