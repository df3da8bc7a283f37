# what this covers: heavily parenthesized expressions and redundant parentheses
event zeek_init()
	{
	local x = ((((1))));
	local y = ((x + (2 * (3 - 1))) / (1));
	local z = (((T) && (!(F))));
	print x, y, z;
	print ((("s")));
	}
