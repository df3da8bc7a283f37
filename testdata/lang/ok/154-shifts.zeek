# what this covers: bit shifts << and >> on counts
event zeek_init()
	{
	local one = 1;
	local x = one << 4;
	local y = 256 >> 2;
	print x, y, (x << 1) >> 3;
	}
