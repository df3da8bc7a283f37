# what this covers: subset comparison on two-column sets.
event zeek_init()
	{
	local a: set[count, string] = { [1, "a"] };
	local b: set[count, string] = { [1, "a"], [2, "b"] };
	print a < b, b < a, a <= b, b == a;
	}
