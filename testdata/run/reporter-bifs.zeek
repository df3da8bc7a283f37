# Reporter::info/warning/error print Zeek's reporter lines located at the
# call; reporter_* events are raised after zeek_init is queued. An error
# reported during startup would stop the run, so errors come later.
event reporter_info(t: time, msg: string, location: string)
	{
	print "reporter_info", msg, location;
	}

event reporter_warning(t: time, msg: string, location: string)
	{
	print "reporter_warning", msg, location;
	}

event reporter_error(t: time, msg: string, location: string)
	{
	print "reporter_error", msg, location;
	}

event later()
	{
	Reporter::error("later test-error");
	print to_int("x1");	# a built-in's complaint is an error too
	}

event zeek_init()
	{
	Reporter::info("init test-info");
	Reporter::warning("init test-warning");
	schedule 1 sec { later() };
	}

event zeek_done()
	{
	Reporter::info("done test-info");
	}

Reporter::info("pre test-info");
Reporter::warning("pre test-warning");
