# An error in a scheduled event's handler does not stop later timers.
event boom()
	{
	local v: vector of count;
	print v[3];
	}

event fine()
	{
	print "fine";
	}

event zeek_init()
	{
	schedule 1 sec { boom() };
	schedule 2 sec { fine() };
	}
