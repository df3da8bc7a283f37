# what this covers: a hole in either operand of a vector operation stays
# a hole in the result.
event zeek_init()
	{
	local a: vector of count;
	a[0] = 1;
	a[2] = 3;
	local b = vector(10, 20, 30);
	local r = a + b;
	print r, |r|, 1 in r;
	}
