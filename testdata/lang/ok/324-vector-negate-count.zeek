# what this covers: unary minus and plus on vectors work element-wise; a vector of count becomes a vector of int
event zeek_init()
	{
	local counts = vector(1, 2, 3);
	local neg: vector of int = -counts;
	local pos: vector of int = +counts;
	print neg, pos;

	local ints: vector of int = vector(-1, 2);
	local back: vector of int = -ints;
	local dbl = vector(1.5, -2.5);
	local ndbl: vector of double = -dbl;
	local ivs = vector(1sec, 2min);
	local nivs: vector of interval = -ivs;
	print back, ndbl, nivs;

	# The result is an int vector, so it adds to other int vectors.
	print -counts + ints[0:3];
	}
