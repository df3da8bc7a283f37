# what this covers: time - time is an interval, time +/- interval is a
# time, comparisons of times and intervals.
event zeek_init()
	{
	local t1 = double_to_time(1000.0);
	local t2 = double_to_time(1090.5);
	local d = t2 - t1;
	print d, type_name(d);
	print t1 + 1min, t2 - 30secs, type_name(t1 + 1min);
	print t1 < t2, t2 - t1 > 1min, d == 90.5secs;
	}
