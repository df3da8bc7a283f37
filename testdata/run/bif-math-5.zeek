# what this covers: sqrt of a negative number reports an error (the
# returned value is not asserted here).
event zeek_init()
	{
	local r = sqrt(-4.0);
	print "after";
	}
