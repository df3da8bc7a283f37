# what this covers: `return` from inside nested loops and a switch leaves
# the function at once with the value.
function find(v: vector of vector of count, x: count): string
	{
	for ( i in v )
		for ( j in v[i] )
			{
			switch ( v[i][j] ) {
			case 99:
				return "ninety-nine";
			}
			if ( v[i][j] == x )
				return fmt("found at %d,%d", i, j);
			}
	return "not found";
	}
event zeek_init()
	{
	local v = vector(vector(1, 2), vector(3, 4));
	print find(v, 4), find(v, 7);
	v[0][0] = 99;
	print find(v, 4);
	}
