# what this covers: double_to_time / time_to_double round trip and the
# epoch.
event zeek_init()
	{
	local t = double_to_time(1700000000.5);
	print time_to_double(t);
	print time_to_double(double_to_time(0.0));
	print double_to_time(10.0) < double_to_time(20.0);
	print double_to_time(100.0) + 5 sec == double_to_time(105.0);
	}
