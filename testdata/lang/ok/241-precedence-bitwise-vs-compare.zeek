# what this covers: & ^ | bind tighter than == (unlike C); shifts bind looser than +
event zeek_init()
	{
	print 6 & 3 == 2;
	print 1 | 2 == 3;
	print 5 ^ 1 == 4;
	print 1 << 2 + 1;
	print 64 >> 1 + 1;
	}
