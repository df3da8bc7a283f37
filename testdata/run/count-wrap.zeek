# what this covers: count arithmetic wraps around as unsigned 64-bit.
event zeek_init()
	{
	local c = 0;
	--c;
	print c;
	local m = 18446744073709551615;
	print m + 1, m * 2;
	local small = 3;
	print small - 5;
	}
