# Negative intervals repeat the sign on every unit; exactly one of a unit
# is singular, also negative one.
event zeek_init()
	{
	print -90 sec, -1 day - 1 hr, -1 sec, -1.5 msec;
	print 1 hr + 1 min + 1 sec, 61 min;
	print 0 sec - 0 sec, 1 usec - 1 usec;
	}
