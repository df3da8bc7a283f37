# what this covers: events without arguments, declared and raised
global heartbeat: event();

event heartbeat()
	{
	print "beat";
	}

event zeek_init()
	{
	event heartbeat();
	schedule 1 min { heartbeat() };
	}
