# what this covers: double_to_interval / interval_to_double.
event zeek_init()
	{
	print double_to_interval(90.0), interval_to_double(2 min);
	print interval_to_double(1.5 hrs), double_to_interval(0.25);
	}
