# Set relational operators: <= subset, < proper subset, == same members.
event zeek_init()
	{
	local a = set(1, 2);
	local b = set(1, 2, 3);
	print a <= b, a < b, b < b, b <= b, a == set(2, 1), a != b;
	}
