# what this covers: several handlers for one event, declared by the first handler
event my_event(s: string)
	{
	print "handler 1", s;
	}

event my_event(s: string)
	{
	print "handler 2", s;
	}

event zeek_init()
	{
	event my_event("go");
	}
