# what this covers: vector comparisons producing vector of bool and && on bool vectors
event zeek_init()
	{
	local a = vector(1, 5, 3);
	local b = vector(2, 4, 3);
	local lt = a < b;
	local eq = a == b;
	print lt, eq, lt || eq;
	}
