# what this covers: `!`, `&&` and `||` on vectors of bool work element by
# element.
event zeek_init()
	{
	local a = vector(T, F, T, F);
	local b = vector(T, T, F, F);
	print !a;
	print a && b;
	print a || b;
	}
