# what this covers: clearing containers with clear_table and resizing vectors
event zeek_init()
	{
	local t = table([1] = "a", [2] = "b");
	local s = set(1, 2, 3);
	clear_table(t);
	clear_table(s);
	local v = vector(1, 2, 3);
	resize(v, 1);
	print |t|, |s|, |v|;
	}
