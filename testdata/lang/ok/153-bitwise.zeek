# what this covers: bitwise & | ^ ~ on counts
event zeek_init()
	{
	local a = 0xf0;
	local b = 0x3c;
	print a & b, a | b, a ^ b;
	print ~0 & 0xff;
	print (a & b) | 1;
	}
