# expect: error in ./syntax-else-without-if.zeek, line 7: syntax error, at or near "else"
# what this covers: else with no preceding if

event zeek_init()
	{
	print 1;
	else
		print 2;
	}
