# what this covers: &error_handler attribute on an event handler (internal, accepted)
event reporter_error(t: time, msg: string, location: string) &error_handler
	{
	print "reporter error", msg;
	}

event zeek_init()
	{
	print "ok";
	}
