# A scheduled event may schedule more (while the run is not terminating:
# exit_only_after_terminate keeps it going until terminate()).
redef exit_only_after_terminate = T;

event step(n: count)
	{
	print "step", n;
	if ( n < 3 )
		schedule 10 msec { step(n + 1) };
	else
		terminate();
	}

event zeek_init()
	{
	schedule 10 msec { step(1) };
	}

event zeek_done()
	{
	print "done";
	}
