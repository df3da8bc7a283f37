# expect: error in ./type-clash-assign.zeek, line 6: type clash in assignment (s = 5)
# what this covers: string local initialised with a count

event zeek_init()
	{
	local s: string = 5;
	}
