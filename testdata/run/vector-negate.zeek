# what this covers: unary minus on vectors of int and double.
event zeek_init()
	{
	local i: vector of int = vector(1, -2, 3);
	local d = vector(1.5, -0.5);
	print -i, -d;
	}
