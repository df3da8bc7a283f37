# what this covers: interval rendering: largest unit first, plural
# except for exactly one, fractional microseconds.
event zeek_init()
	{
	print 0secs, 1sec, 2secs, 90secs, 1.5hrs, 1day, 36hrs, 2days + 2secs;
	print 1msec, 1usec, 1.5usecs, -1min, 0.5sec;
	}
