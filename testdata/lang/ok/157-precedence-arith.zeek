# what this covers: precedence of * / % over + -, left associativity, parentheses
event zeek_init()
	{
	print 2 + 3 * 4;
	print (2 + 3) * 4;
	print 20 - 6 - 4;
	print 20 - (6 - 4);
	print 100 / 10 / 5;
	print 7 + 8 % 3 * 2;
	print -2 * 3 + 1;
	}
