# what this covers: set union `|` keeps every element of both operands and
# leaves the operands unchanged.
event zeek_init()
	{
	local a = set(1, 2);
	local b = set(2, 3);
	local u = a | b;
	print |u|, 1 in u, 2 in u, 3 in u, 4 in u;
	print |a|, |b|;
	}
