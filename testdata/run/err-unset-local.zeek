# what this covers: a local declared without a value and read before
# assignment is "value used but not set".
event zeek_init()
	{
	local s: string;
	local n: count;
	n = 3;
	print n;
	print s;
	print "not reached";
	}
