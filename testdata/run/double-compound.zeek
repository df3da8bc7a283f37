# what this covers: += and -= on doubles with count and int operands.
event zeek_init()
	{
	local d = 1.5;
	d += 1;
	local i: int = -2;
	d -= i;
	print d;
	local n: int = 5;
	n += 3;
	n -= 10;
	print n;
	}
