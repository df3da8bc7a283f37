# what this covers: double literals: 1.5, .5, 1e3, 1.5e-3, 2E+2, 3.0, negative doubles
event zeek_init()
	{
	local a = 1.5;
	local b = .5;
	local c = 1e3;
	local d = 1.5e-3;
	local e = 2E+2;
	local f = 3.0;
	local g = -0.25;
	local h: double = 10;
	print a, b, c, d, e, f, g, h;
	}
