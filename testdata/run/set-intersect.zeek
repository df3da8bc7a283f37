# what this covers: set intersection `&`, including an empty result.
event zeek_init()
	{
	local a = set("x", "y", "z");
	local b = set("y", "z", "w");
	local i = a & b;
	print |i|, "y" in i, "z" in i, "x" in i, "w" in i;
	print |a & set("q")|;
	}
