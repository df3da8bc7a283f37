# what this covers: element-wise arithmetic on two vectors of the same
# length: + - * / %.
event zeek_init()
	{
	local a = vector(1, 2, 3);
	local b = vector(10, 20, 30);
	print a + b, b - a, a * b, b / a, b % vector(3, 7, 4);
	local d = vector(1.5, 2.0);
	print d + vector(0.5, 0.25), d / vector(2.0, 4.0);
	}
