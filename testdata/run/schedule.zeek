# Scheduled events still run at termination, in time order, before
# zeek_done.
event later(msg: string) { print "later", msg; }

event zeek_init()
	{
	schedule 10 secs { later("ten") };
	schedule 1 sec { later("one") };
	print "init";
	}

event zeek_done() { print "done"; }
