# what this covers: a lone ';' as the body of a for, while or if (and an
# else) does nothing and does not stop the handler
event zeek_init()
	{
	for ( i in set(1, 2) ) ;
	local n = 0;
	while ( ++n < 3 ) ;
	if ( n == 3 ) ; else print "not reached";
	if ( n != 3 ) print "not reached"; else ;
	for ( [a, b] in table([1, 2] = 3) ) ;
	print "after", n;
	}
