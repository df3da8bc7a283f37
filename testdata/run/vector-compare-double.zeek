# what this covers: vector comparison between count and double vectors
# promotes the elements.
event zeek_init()
	{
	local c = vector(1, 2, 3);
	local d = vector(1.0, 2.5, 2.5);
	print c == d, c < d, c > d;
	}
