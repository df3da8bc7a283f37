# what this covers: interval literals without a space between number and unit
event zeek_init()
	{
	local a = 10usec;
	local b = 250msecs;
	local c = 15sec;
	local d = 2mins;
	local e = 1hr;
	local f = 3days;
	print a, b, c, d, e, f;
	}
