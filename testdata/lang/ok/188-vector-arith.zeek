# what this covers: element-wise arithmetic and comparison on numeric vectors
event zeek_init()
	{
	local a = vector(1, 2, 3);
	local b = vector(10, 20, 30);
	local sum = a + b;
	local prod = a * b;
	local cmp = a < b;
	print sum, prod, cmp;
	}
