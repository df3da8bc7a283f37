# expect: error in ./not-a-function.zeek, line 7: not a function (x)
# what this covers: calling a count value

event zeek_init()
	{
	local x = 1;
	x(2);
	}
