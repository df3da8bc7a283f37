# what this covers: set comparisons: == and != by content, < proper
# subset, <= subset, > and >= the reverse.
event zeek_init()
	{
	local a = set(1, 2, 3);
	local b = set(3, 2, 1);
	local c = set(1, 2);
	print a == b, a != b, a == c, a != c;
	print c < a, c <= a, a < a, a <= a;
	print a > c, a >= c, a > a, a >= a, c > a;
	print set(5) < a, set(5) <= a;
	}
