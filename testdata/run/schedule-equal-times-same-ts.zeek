# Events scheduled for the same time all run at that network time, after
# an earlier one. (The order among equal times is Zeek's timer-heap order,
# which is not specified, so the output does not depend on it.)
global t0: time;
global seen: set[count];

event at(n: count)
	{
	add seen[n];
	print |seen|, network_time() - t0 >= 0 sec;
	}

event zeek_init()
	{
	t0 = network_time();
	schedule 5 sec { at(1) };
	schedule 5 sec { at(2) };
	schedule 1 sec { at(0) };
	schedule 5 sec { at(3) };
	}

event zeek_done()
	{
	print 0 in seen, 1 in seen, 2 in seen, 3 in seen;
	}
