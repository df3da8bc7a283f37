# Reading past the end of a vector: "no such index"; a print with a bad
# argument prints nothing at all.
event zeek_done()
	{
	local foo = vector(1);
	print foo[0];
	print "x", foo[1];
	}

event zeek_done() &priority=-1
	{
	print "next handler";
	}
