# expect: error in ./incr-non-integral.zeek, line 7: requires an integral operand (++s)
# what this covers: ++ applied to a string

event zeek_init()
	{
	local s = "a";
	++s;
	}
