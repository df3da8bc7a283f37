# for ( [a, b], v in t ) over a two-column table binds both key columns
# and the value; for ( [a, b] in t ) binds only the keys.
event zeek_init()
	{
	local t: table[string, count] of double = table() &ordered;
	t["x", 1] = 1.5;
	t["y", 2] = 2.0;
	t["z", 3] = 0.25;
	for ( [name, num], val in t )
		print name, num, val;
	for ( [name2, num2] in t )
		print name2, num2 * 2;
	}
