# what this covers: `+=` and `-=` with a set on the right add and remove
# its elements in place; other references see the change.
event zeek_init()
	{
	local s = set(1, 2);
	local alias = s;
	s += set(3, 4);
	print |s|, |alias|, 4 in alias;
	s -= set(1, 4, 99);
	print |s|, 1 in s, 2 in s, 3 in s;
	}
