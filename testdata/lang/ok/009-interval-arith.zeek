# what this covers: interval arithmetic: interval*double, interval/interval -> double, comparison
event zeek_init()
	{
	local i = 10 sec;
	local j = i * 2.5;
	local k = 3 * i;
	local ratio: double = j / i;
	local half = i / 2;
	print j, k, ratio, half;
	print i < j, i >= 5 secs, i == 10000 msec;
	}
