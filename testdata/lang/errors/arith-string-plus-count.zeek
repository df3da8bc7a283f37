# expect: error in ./arith-string-plus-count.zeek, line 6: requires arithmetic operands (a + 1)
# what this covers: adding a string and a count

event zeek_init()
	{
	print "a" + 1;
	}
