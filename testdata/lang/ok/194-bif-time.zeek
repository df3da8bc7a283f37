# what this covers: time BIFs strftime, network_time, current_time, time_to_double
event zeek_init()
	{
	local t = double_to_time(0.0);
	print strftime("%Y-%m-%d %H:%M:%S", t);
	print time_to_double(t), interval_to_double(1 min);
	print network_time() >= t, current_time() > t;
	}
