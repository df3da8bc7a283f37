# Count and int arithmetic, wrap-around of counts, integer division.
event zeek_init()
	{
	local a = 7;
	local b = 2;
	print a + b, a - b, a * b, a / b, a % b;
	local c = 0;
	--c;
	print c;
	local i = -7;
	print i / 2, i % 2, i * -3, -i;
	print a + i, |i|, |-3|;
	print 1 << 4, 256 >> 2, 6 & 3, 6 | 3, 6 ^ 3;
	}
