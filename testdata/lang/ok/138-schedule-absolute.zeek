# what this covers: schedule with an absolute time and with computed intervals
event ping() { print "ping"; }

event zeek_init()
	{
	schedule network_time() + 1 min { ping() };
	schedule 2 * 1 sec { ping() };
	schedule double_to_interval(0.5) { ping() };
	}
