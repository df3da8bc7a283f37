# what this covers: alternate event prototypes; handlers bound to a subset of parameters
global report: event(a: count, b: string, c: bool);
global report: event(a: count, c: bool);

event report(a: count, b: string, c: bool)
	{
	print "full", a, b, c;
	}

event report(a: count, c: bool)
	{
	print "partial", a, c;
	}

event zeek_init()
	{
	event report(1, "x", T);
	}
