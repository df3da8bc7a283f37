# what this covers: mixed count/int/double arithmetic promotion
event zeek_init()
	{
	local c: count = 10;
	local i: int = -3;
	local d: double = 0.5;
	local ci = c + i;
	local cd = c * d;
	local id = i - d;
	local x: int = ci;
	local y: double = cd + id;
	print ci, cd, id, x, y;
	print c / 4, c / 4.0;
	}
