# what this covers: events raised by a handler run after the current
# event's handlers, in FIFO order.
global a: event(s: string);
global b: event(s: string);
event a(s: string)
	{
	print "a", s;
	event b(s + "-from-a");
	}
event b(s: string)
	{
	print "b", s;
	}
event zeek_init()
	{
	event a("1");
	event b("2");
	event a("3");
	print "init done";
	}
