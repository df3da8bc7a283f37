# what this covers: &ordered on sets and tables keeps insertion order
global steps: set[string] &ordered;
global levels: table[count] of string &ordered;

event zeek_init()
	{
	add steps["z"];
	add steps["a"];
	levels[3] = "c";
	levels[1] = "a";
	for ( s in steps )
		print s;
	for ( k, v in levels )
		print k, v;
	}
