# what this covers: to_port on a malformed string reports an error and
# yields 0/unknown.
event zeek_init()
	{
	print to_port("bogus");
	print "after";
	}
