# expect: error in ./several-type-errors.zeek, line 8: conditional in test must be boolean (x)
# expect: error in ./several-type-errors.zeek, line 15: requires an integral operand (++t)
# expect: error in ./several-type-errors.zeek, line 20: requires integral operands (1.5 % 2.5)
# what this covers: type errors in different handlers and functions

function f()
	{
	if ( "x" )
		print "never";
	}

event zeek_init()
	{
	local t = "s";
	++t;
	}

event zeek_done()
	{
	print 1.5 % 2.5;
	}
