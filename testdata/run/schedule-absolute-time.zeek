# schedule with an absolute time: the event runs when network time
# reaches it, interleaved by time with events scheduled by interval.
global t0: time;

event tick(name: string)
	{
	print name;
	}

event zeek_init()
	{
	t0 = network_time();
	schedule t0 + 3 sec { tick("absolute +3s") };
	schedule 1 sec { tick("relative 1s") };
	schedule 4 sec { tick("relative 4s") };
	schedule t0 + 2 sec { tick("absolute +2s") };
	}
