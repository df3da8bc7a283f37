# A handler may bind to an alternate prototype declared for the event,
# with fewer or reordered parameters.
global ev: event(a: string, b: count, c: addr);
global ev: event(c: addr, a: string);
global ev: event(b: count);

event ev(a: string, b: count, c: addr)
	{
	print "full", a, b, c;
	}

event ev(c: addr, a: string)
	{
	print "reordered", c, a;
	}

event ev(b: count)
	{
	print "just b", b;
	}

event zeek_init()
	{
	event ev("x", 1, 10.0.0.1);
	schedule 1 sec { ev("y", 2, 10.0.0.2) };
	}
