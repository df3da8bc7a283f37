# time values print like doubles of epoch seconds; arithmetic with
# intervals gives times, the difference of two times an interval.
event zeek_init()
	{
	local t = double_to_time(1234563.14);
	print t;
	print t + 1 min, t - 0.5 sec;
	print (t + 1 day) - t;
	print double_to_time(1660671192.0);
	print double_to_time(0.0);
	}
