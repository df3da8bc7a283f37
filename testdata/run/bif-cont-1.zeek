# what this covers: sort without a comparison function on counts and
# doubles sorts in place and returns the vector.
event zeek_init()
	{
	local v = vector(5, 2, 9, 1);
	local r = sort(v);
	print v, r;
	local d = vector(2.5, -1.0, 0.5);
	sort(d);
	print d;
	}
