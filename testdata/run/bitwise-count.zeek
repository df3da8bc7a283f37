# what this covers: bitwise & | ^ ~ and shifts on counts.
event zeek_init()
	{
	local a = 12;
	local b = 10;
	print a & b, a | b, a ^ b, a << 2, a >> 2;
	print ~0 == 18446744073709551615, ~a & 15;
	}
