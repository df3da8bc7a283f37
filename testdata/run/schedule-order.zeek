# what this covers: scheduled events fire in time order after zeek_init,
# before zeek_done.
global tick: event(n: count);
event tick(n: count)
	{
	print "tick", n;
	}
event zeek_init()
	{
	schedule 3sec { tick(3) };
	schedule 1sec { tick(1) };
	schedule 2sec { tick(2) };
	print "scheduled";
	}
event zeek_done()
	{
	print "done";
	}
