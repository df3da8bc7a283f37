# what this covers: lambdas with capture lists [x, copy y]
event zeek_init()
	{
	local base = 10;
	local items = vector(1, 2);
	local f = function[base, copy items](a: count): count
		{
		return a + base + |items|;
		};
	items += 3;
	print f(1);
	}
