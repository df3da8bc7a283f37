# what this covers: int arithmetic, negative results, unary minus and plus on counts promote to int
event zeek_init()
	{
	local a = -7;
	local b = +2;
	print a + b, a - b, a * b, a / b, a % b;
	local c = 3;
	local d = -c;
	local e = +c;
	print d, e, d + e;
	}
