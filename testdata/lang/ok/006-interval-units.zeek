# what this covers: interval literals with every unit, singular and plural, with a space
event zeek_init()
	{
	print 1 usec, 2 usecs;
	print 1 msec, 3 msecs;
	print 1 sec, 30 secs;
	print 1 min, 5 mins;
	print 1 hr, 2 hrs;
	print 1 day, 7 days;
	}
