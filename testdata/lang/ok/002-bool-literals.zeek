# what this covers: bool literals T and F, bool operators
event zeek_init()
	{
	local a = T;
	local b: bool = F;
	print a, b;
	print a && b, a || b, ! a;
	print T == T, F != T;
	}
