# what this covers: converting between double and interval, interval division results
event zeek_init()
	{
	local d = 90.0;
	local iv = double_to_interval(d);
	local back = interval_to_double(iv);
	print iv, back, iv / 1 min, iv > 1 min;
	}
