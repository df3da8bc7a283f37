# what this covers: long mixed expressions exercising all arithmetic precedence levels
event zeek_init()
	{
	print 1 + 2 * 3 - 4 / 2 % 3;
	print 2 * -3 + 10;
	print (1 + 2) * (3 + 4) / 7 - 1;
	print 10 - 2 - 3 + 4 - 5;
	print 2 * 3 % 4 * 5;
	print 1.0 + 2 * 3.5 - 4 / 8.0;
	}
