# Handlers run by priority, ties in load order; events queue FIFO.
event e(n: count) &priority=-5 { print "low", n; }
event e(n: count) &priority=10 { print "high", n; }
event e(n: count) { print "default", n; }

event zeek_init()
	{
	print "init 1";
	event e(1);
	event e(2);
	print "init 2";
	}

event zeek_init() &priority=-10
	{
	print "init late";
	}

event zeek_done()
	{
	print "done";
	}
