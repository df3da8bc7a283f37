# Reading an unset optional field is a run-time error that aborts the
# handler; the next handler still runs.
type R: record { a: count; b: string &optional; };

event zeek_init()
	{
	local r = R($a = 1);
	print "before";
	print r$b;
	print "not reached";
	}

event zeek_init() &priority=-1
	{
	print "next handler";
	}
