# what this covers: unary operators - + ! ~ and their interaction with binary operators
event zeek_init()
	{
	local a = 5;
	print -a + 3;
	print -(a + 3);
	print - -a;
	print !(a > 3);
	print ~a & 0xf;
	print +a * -1;
	}
