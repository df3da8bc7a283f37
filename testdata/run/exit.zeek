# exit() ends the run at once with its code: no zeek_done, no more
# handlers.
event zeek_init()
	{
	print "before exit";
	exit(0);
	print "not reached";
	}

event zeek_init() &priority=-1
	{
	print "not reached either";
	}

event zeek_done()
	{
	print "no zeek_done after exit";
	}
