# what this covers: hex literals in arithmetic, comparisons and as table keys
event zeek_init()
	{
	local t: table[count] of string = { [0x10] = "sixteen", [255] = "ff" };
	print t[16], t[0xff];
	print 0x10 + 0x0a, 0xff == 255, 0x7fffffffffffffff > 0;
	}
