# what this covers: `for ( i in v )` yields indices (count) and
# `for ( i, x in v )` also the element; holes are skipped.
event zeek_init()
	{
	local v = vector("a", "b", "c");
	for ( i in v )
		print i, type_name(i);
	for ( i, x in v )
		print i, x;
	local h: vector of string;
	h[1] = "one";
	h[3] = "three";
	for ( i, x in h )
		print i, x;
	}
