# Events raised by a handler go to the back of the queue: all handlers
# of the current event finish first.
event c() { print "c"; }
event b() { print "b start"; event c(); print "b end"; }
event a() { print "a"; event c(); }

event zeek_init()
	{
	event b();
	event a();
	print "init end";
	}

event zeek_init() &priority=-1
	{
	print "init low";
	}
