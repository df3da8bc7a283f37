# what this covers: a passing assert does nothing; a failing one reports
# "assertion failure" with the condition as Zeek describes it and the
# message, and aborts the handler.
event zeek_init() &priority=1
	{
	local x = 2;
	assert x == 2;
	print "passed";
	assert x == 1, fmt("Expected x to be 1, have %s", x);
	print "not reached";
	}
event zeek_init()
	{
	local n = 5;
	print "second handler";
	assert n < 3;
	}
