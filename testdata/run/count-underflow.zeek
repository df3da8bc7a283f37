# what this covers: count subtraction and decrement below zero wrap
# around and log an "expression warning" each; the handler goes on and,
# being only warnings, they do not fail initialisation.
event zeek_init()
	{
	local c1 = 0;
	--c1;
	print c1;
	local c2 = 0;
	c2 -= 1;
	print c2;
	local c3 = 0;
	c3 = c3 - 1;
	print c3;
	print 1 - 2;
	local c4 = 18446744073709551615;
	++c4;
	c3 += 1;
	print c4, c3;
	}
