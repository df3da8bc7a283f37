# what this covers: arithmetic binds tighter than comparisons; comparisons tighter than && and ||
event zeek_init()
	{
	local a = 3;
	local b = 4;
	print a + 1 == b;
	print a * 2 > b + 1 && b - a < 2;
	print a < b || a > b && F;
	}
