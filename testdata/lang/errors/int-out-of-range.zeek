# expect: error in ./int-out-of-range.zeek, line 6: literal is outside range of 'int' values (-9223372036854775809)
# what this covers: negative int literal below the int range

event zeek_init()
	{
	local i = -9223372036854775809;
	}
