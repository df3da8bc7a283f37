# expect: error in ./cond-not-bool.zeek, line 6: conditional in test must be boolean (1)
# what this covers: if condition of type count

event zeek_init()
	{
	if ( 1 )
		print "x";
	}
