# what this covers: element-wise arithmetic between vectors of different
# numeric element types promotes like scalars (count with int is int,
# anything with double is double).
event zeek_init()
	{
	local c = vector(1, 2);
	local i: vector of int = vector(-5, 5);
	local d = vector(0.5, 0.5);
	print c + i, c * d, i - d;
	}
