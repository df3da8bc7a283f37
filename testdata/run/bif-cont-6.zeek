# what this covers: resize grows (new slots unset) and shrinks a vector,
# returning the old size.
event zeek_init()
	{
	local v = vector(1, 2, 3);
	print resize(v, 5), |v|;
	print resize(v, 2), v;
	}
