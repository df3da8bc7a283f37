# times compare with < <= == and order like their epoch values; interval
# comparisons are on seconds regardless of the unit written.
event zeek_init()
	{
	local a = double_to_time(100.0);
	local b = a + 1 usec;
	print a < b, a == b, b - a > 0 sec, a <= a;
	print 60 sec == 1 min, 1 day > 23 hrs, 1500 msec < 1.5 sec, -1 min < 0 sec;
	print 90 min / 1 hr, 3 * 20 min, 1 hr / 4, 10 min * 0.5;
	}
