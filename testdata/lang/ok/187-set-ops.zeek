# what this covers: set union |, intersection &, difference -, subset comparisons
event zeek_init()
	{
	local a = set(1, 2, 3);
	local b = set(2, 3, 4);
	print |(a | b)|, |a & b|, |a - b|;
	print set(2) < a, a <= a, a == set(3, 2, 1), a != b;
	}
