# what this covers: as conversions between set and vector
event zeek_init()
	{
	local v = vector(3, 1, 2, 3);
	local s = v as set[count];
	local back = s as vector of count;
	print |s|, |back|;
	}
