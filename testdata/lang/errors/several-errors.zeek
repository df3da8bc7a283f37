# expect: error in ./several-errors.zeek, line 11: type clash in assignment (s = 1)
# expect: error in ./several-errors.zeek, line 12: const is not a modifiable lvalue (c)
# expect: error in ./several-errors.zeek, line 13: requires arithmetic operands (b + 2)
# expect: error in ./several-errors.zeek, line 14: unknown identifier missing_a, at or near "missing_a"
# what this covers: several independent errors in one file are all reported, in source order (the parse error last, since parsing stops there)

const c = 1;

event zeek_init()
	{
	local s: string = 1;
	c = 5;
	print "b" + 2;
	print missing_a;
	}
