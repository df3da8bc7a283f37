# what this covers: time +/- interval, time - time, interval comparisons and negation
event zeek_init()
	{
	local t1 = double_to_time(100.0);
	local t2 = t1 + 1 min;
	local d = t2 - t1;
	local t3 = t2 - 30 secs;
	local i2 = d + 10 secs;
	local i3 = d - 1 hr;
	print d, t3 > t1, i2, i3, -d;
	print d / 2, d * 0.5, d / 1 sec;
	}
