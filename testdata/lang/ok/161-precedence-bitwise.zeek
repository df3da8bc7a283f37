# what this covers: precedence of & over ^ over | and of shifts over bitwise ops
event zeek_init()
	{
	print 1 | 2 & 3;
	print 6 ^ 3 & 5;
	print 1 | 6 ^ 3;
	print 1 << 2 | 1;
	print 0xff & 0x0f | 0x30;
	}
