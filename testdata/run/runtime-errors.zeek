# A runtime error aborts only the current handler; the next one runs.
type R: record { a: count &optional; };

event zeek_init() &priority=10
	{
	local t: table[count] of string;
	print "before";
	print t[3];
	print "not reached";
	}

event zeek_init() &priority=5
	{
	local r = R();
	print r$a;
	}

event zeek_init()
	{
	local x = 0;
	print 10 / x;
	}

event zeek_init() &priority=-5
	{
	print "still running";
	}
