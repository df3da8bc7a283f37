# what this covers: network_time() without a packet source is the wall
# clock: later than a fixed past time; time arithmetic with intervals.
event zeek_init()
	{
	local t = network_time();
	print t > double_to_time(1000000000.0), t + 1day > t, t - 1sec < t;
	print (t + 1hr) - t;
	}
