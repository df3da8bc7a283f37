# what this covers: zeek_init and zeek_done handlers with priorities
event zeek_init()
	{
	print "init";
	}

event zeek_done() &priority=-10
	{
	print "done late";
	}

event zeek_done()
	{
	print "done";
	}
