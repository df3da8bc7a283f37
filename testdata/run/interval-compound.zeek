# what this covers: += and -= on intervals and times.
event zeek_init()
	{
	local i = 1min;
	i += 30secs;
	i -= 10secs;
	print i;
	local t = double_to_time(100.0);
	t += 1min;
	print t;
	}
