# what this covers: set difference `-` removes the right operand's
# elements; the operands are not modified.
event zeek_init()
	{
	local a = set(1, 2, 3, 4);
	local b = set(2, 4, 6);
	local d = a - b;
	print |d|, 1 in d, 3 in d, 2 in d;
	print |a|, |b - a|, 6 in (b - a);
	}
