# Set union, intersection and difference make new sets; the operands are
# unchanged.
event zeek_init()
	{
	local a = set(1, 2, 3);
	local b = set(3, 4);
	local u = a | b;
	local i = a & b;
	local d = a - b;
	print |u|, |i|, |d|, 3 in i, 1 in d, 3 in d;
	print |a|, |b|;
	}
