# what this covers: errors in events after initialisation abort only that
# handler; the run goes on to zeek_done and is not fatal.
global boom: event(n: count);
event boom(n: count)
	{
	print "boom", n;
	print 10 / n;
	print "after", n;
	}
event boom(n: count) &priority=-1
	{
	print "second handler", n;
	}
event zeek_init()
	{
	schedule 1sec { boom(0) };
	schedule 2sec { boom(5) };
	}
event zeek_done()
	{
	print "done";
	}
