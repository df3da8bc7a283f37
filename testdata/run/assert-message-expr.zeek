# assert with a message expression: the message is evaluated only when
# the assertion fails; the failing handler stops, others run.
function msg(): string
	{
	print "building message";
	return "custom";
	}

event zeek_done() &priority=1
	{
	assert 1 + 1 == 2, msg();
	print "first passed";
	assert "a" in "xyz", msg();
	print "not reached";
	}

event zeek_done()
	{
	print "second handler";
	}
