# what this covers: a loop over a vector visits each element once, and
# appending after the loop grows the same vector.
event zeek_init()
	{
	local v = vector(1, 2);
	local n = 0;
	for ( i in v )
		++n;
	v += 3;
	print n, v;
	}
