# what this covers: as casts from any to concrete types, and as between numeric types
event zeek_init()
	{
	local a: any = 5;
	local s: any = "str";
	local r: any = set(1, 2);
	print (a as count) + 1;
	print s as string;
	print |r as set[count]|;
	local c = 3;
	print c as int, c as double;
	}
