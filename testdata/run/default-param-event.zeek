# Event parameters with &default: the event statement may leave them out.
global ping: event(n: count, tag: string &default = "none");

event ping(n: count, tag: string)
	{
	print "ping", n, tag;
	}

event zeek_init()
	{
	event ping(1);
	event ping(2, "two");
	}
