# what this covers: `as` converts a set to a vector and a vector to a set
# (duplicates collapse).
event zeek_init()
	{
	local s = set(3, 1, 2);
	local v = s as vector of count;
	print |v|, type_name(v);
	local s2 = vector(5, 5, 6) as set[count];
	print |s2|, 5 in s2, 6 in s2, type_name(s2);
	}
