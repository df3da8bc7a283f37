# what this covers: events rescheduling themselves with a counter argument
event step(n: count)
	{
	print "step", n;
	if ( n < 3 )
		schedule 1 sec { step(n + 1) };
	}

event zeek_init()
	{
	event step(0);
	}
