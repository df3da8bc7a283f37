# bro_init and bro_done are the Bro 2.x names of zeek_init and zeek_done;
# handlers of both run, by priority.
event bro_init()
	{
	print "bro_init";
	}

event zeek_init() &priority=10
	{
	print "zeek_init first";
	}

event bro_done()
	{
	print "bro_done";
	}

event zeek_done()
	{
	print "zeek_done";
	}
