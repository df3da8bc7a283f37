# Using a local declared without a value is "value used but not set".
event zeek_done()
	{
	local s: string;
	print "before";
	print s;
	}
