# what this covers: &priority on event handlers, negative priorities
event zeek_init() &priority=10
	{
	print "first";
	}

event zeek_init()
	{
	print "middle";
	}

event zeek_init() &priority=-5
	{
	print "last";
	}
