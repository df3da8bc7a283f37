# expect: error in ./compare-different-types.zeek, line 6: operands must be of the same type (a < 1)
# what this covers: relational comparison of a string with a count

event zeek_init()
	{
	print "a" < 1;
	}
