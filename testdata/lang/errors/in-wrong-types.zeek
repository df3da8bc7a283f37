# expect: error in ./in-wrong-types.zeek, line 6: not an index type (a in 5)
# what this covers: in with a count on the right-hand side

event zeek_init()
	{
	print "a" in 5;
	}
