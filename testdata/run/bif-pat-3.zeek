# what this covers: find_last returns the match starting furthest right,
# or the empty string.
event zeek_init()
	{
	print find_last("x1y22z333", /[0-9]+/);
	print fmt("[%s]", find_last("abc", /[0-9]/));
	}
