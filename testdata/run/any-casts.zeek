# Values in any: is and as.
function show(a: any)
	{
	if ( a is count )
		print "count", (a as count) + 1;
	else if ( a is string )
		print "string", a as string;
	else
		print "other";
	}

event zeek_init()
	{
	show(41);
	show("x");
	show(1.5);
	}
