# what this covers: comparing two vectors element-wise gives a vector of
# bool.
event zeek_init()
	{
	local a = vector(1, 5, 3);
	local b = vector(2, 5, 1);
	print a < b, a == b, a != b, a >= b;
	print vector("a", "b") == vector("a", "c");
	}
