# what this covers: more interval spellings: zero, fractional usec/msec, large day counts
event zeek_init()
	{
	print 0 sec, 0secs, 1.5 msec, 2.25usecs, 365 days, 0.001 hrs;
	local sum = 1 day + 1 hr + 1 min + 1 sec + 1 msec + 1 usec;
	print sum;
	}
