# Set and table constructors expand embedded sets into the cross product
# of their members.
event zeek_init()
	{
	local s: set[string, count] = { [set("a", "b"), 1], ["c", 2] };
	print |s|;
	for ( [x, y] in s )
		print x, y;
	local t: table[string, count] of bool = { [set("p", "q"), set(7, 8)] = T };
	print |t|;
	for ( [k1, k2], v in t )
		print k1, k2, v;
	}
