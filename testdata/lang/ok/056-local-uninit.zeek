# what this covers: locals declared without initializer then assigned
event zeek_init()
	{
	local x: count;
	local y: string;
	local z: table[string] of count;
	x = 3;
	y = "why";
	z["k"] = x;
	print x, y, z["k"];
	}
