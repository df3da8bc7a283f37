# Reporter::fatal ends the run at once (exit code 1), without zeek_done.
event ev()
	{
	print "ev";
	Reporter::fatal(fmt("giving up at %d", 42));
	print "not reached";
	}

event zeek_init()
	{
	print "init";
	event ev();
	}

event zeek_done()
	{
	print "not reached either";
	}
