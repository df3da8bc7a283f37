# what this covers: count literals (decimal, hex with upper/lower digits), inferred count type
event zeek_init()
	{
	local a = 0;
	local b = 42;
	local c = 0xff;
	local d = 0x00ff;
	local e: count = 0x1F;
	local big = 18446744073709551615;
	print a, b, c, d, e, big;
	print c == d;
	}
