# what this covers: schedule <interval> { event(args) } statements
global fired = 0;

event later(n: count)
	{
	++fired;
	print "later", n;
	}

event zeek_init()
	{
	schedule 1 sec { later(1) };
	schedule 10msec { later(2) };
	local delay = 5 mins;
	schedule delay { later(3) };
	}
