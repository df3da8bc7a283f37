# what this covers: for loop variables declared beforehand with matching types
event zeek_init()
	{
	local k: string;
	local t = table(["a"] = 1);
	for ( k in t )
		print k;
	local i: count;
	local v = vector(T, F);
	for ( i in v )
		print i;
	}
