# what this covers: nested container types (table of set, table of vector, set of tuple)
global groups: table[string] of set[count];
global series: table[string] of vector of double;

event zeek_init()
	{
	groups["a"] = set(1, 2);
	add groups["a"][3];
	series["x"] = vector(1.0);
	series["x"] += 2.0;
	print |groups["a"]|, |series["x"]|;
	}
