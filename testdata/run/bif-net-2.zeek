# what this covers: to_addr on a malformed string returns :: and reports
# an error.
event zeek_init()
	{
	print to_addr("not-an-ip");
	print "after";
	}
