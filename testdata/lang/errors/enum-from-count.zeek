# expect: error in ./enum-from-count.zeek, line 8: can't convert to/from enumerated type (c = 1)
# what this covers: assigning a count to an enum variable

type Color: enum { RED, GREEN };

event zeek_init()
	{
	local c: Color = 1;
	}
