# expect: error in ./bitwise-double.zeek, line 6: requires "count" or compatible "set" operands (1.5 & 2)
# what this covers: bitwise and on a double

event zeek_init()
	{
	print 1.5 & 2;
	}
