# what this covers: nested if statements; else binds to the nearest if
event zeek_init()
	{
	local a = 1;
	local b = 2;
	if ( a == 1 )
		if ( b == 3 )
			print "b is 3";
		else
			print "b is not 3";
	if ( a > b ) { print "a"; } else { print "b"; }
	}
