# Every statement form.
event zeek_init()
	{
	local x = 0;
	local y: int = -1;
	const z = 3;
	if ( x > 1 ) print "a"; else if ( x < 1 ) print "b"; else { print "c"; }
	while ( x < 10 ) ++x;
	for ( k in s ) next;
	for ( k, v in t ) break;
	for ( [a, b] in t2 ) print a, b;
	for ( [a, b], v in t2 ) print a, b, v;
	for ( i, e in vec ) print i;
	switch ( x )
		{
		case 1, 2:
			print "one or two";
			fallthrough;
		case 3:
			break;
		default:
			print "other";
		}
	switch ( any_val )
		{
		case type count as c:
			print c;
			break;
		case type string, type addr:
			break;
		}
	add s[1];
	delete t[1, "a"];
	delete r$f;
	print f, "to file";
	event e(c, T);
	schedule 5 secs { e(c, F) };
	hook h(info);
	when [x] ( local r = lookup_addr(1.2.3.4) ) { print r; } timeout 5 sec { print "timeout"; }
	when ( x > 5 ) print "bro style";
	assert x == 10;
	assert x == 10, "x should be 10";
	[a, b] = idx;
	;
	return;
	}

function g(h: string): count
	{
	return when [h] ( |h| > 0 ) { return 1; } timeout 1sec { return 0; }
	}
