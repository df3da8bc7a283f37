# what this covers: int literals with explicit sign (+5, -5, +0), int/count promotion
event zeek_init()
	{
	local a = +5;
	local b = -5;
	local z = +0;
	local c: int = 7;
	local m = -9223372036854775807;
	print a, b, z, c, m;
	print a + b;
	print c - 10;
	}
