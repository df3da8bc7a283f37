# what this covers: time values from network_time/current_time/double_to_time and time arithmetic
event zeek_init()
	{
	local now = current_time();
	local nt: time = network_time();
	local t0 = double_to_time(0.0);
	local later = t0 + 1 hr;
	local earlier = later - 30 mins;
	local span: interval = later - t0;
	print t0, later, earlier, span;
	print later > earlier, nt >= t0, now > t0;
	}
