# expect: error in ./mod-double.zeek, line 6: requires integral operands (1.5 % 2.0)
# what this covers: % applied to doubles

event zeek_init()
	{
	print 1.5 % 2.0;
	}
