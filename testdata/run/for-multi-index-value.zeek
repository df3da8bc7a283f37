# what this covers: `for ( [a, b], v in t )` binds every index column and
# the value.
event zeek_init()
	{
	local t: table[string, count] of double = { ["x", 1] = 1.5, ["y", 2] = 2.5 };
	for ( [s, n], v in t )
		print s, n, v;
	for ( [s, n] in t )
		print s, n;
	}
