# while/for with break and next, if/else chains, switch with fallthrough.
event zeek_init()
	{
	local i = 0;
	while ( T )
		{
		++i;
		if ( i == 2 )
			next;
		if ( i > 4 )
			break;
		print "i", i;
		}
	for ( c in "abc" )
		print c;
	for ( n in set(1, 2, 3) )
		switch ( n )
			{
			case 1:
				print "one";
				fallthrough;
			case 2:
				print "one or two";
				break;
			default:
				print "other";
				break;
			}
	}
