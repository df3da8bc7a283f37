# fmt with too few or too many arguments is an error reported at the
# call; the handler goes on with an empty result.
event zeek_init() &priority=5
	{
	print "start";
	}

event zeek_done()
	{
	print "[" + fmt("%s %s", 1) + "]";
	print "[" + fmt("%s", 1, 2) + "]";
	print "after";
	}
