# Reporter::error during startup counts as an error: Zeek stops after
# zeek_init with "errors occurred while initializing".
event zeek_init()
	{
	Reporter::error("init test-error");
	print "zeek_init goes on";
	}

event zeek_done()
	{
	print "not reached";
	}
