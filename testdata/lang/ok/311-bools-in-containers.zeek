# what this covers: bool values as container elements and keys
event zeek_init()
	{
	local flags = vector(T, F, T);
	local names: table[bool] of string = { [T] = "yes", [F] = "no" };
	local seen: set[bool] = set(T);
	print flags[1], names[F], F in seen;
	}
