# what this covers: return from inside switch, for and while nested in a function
function find(v: vector of string, target: string): int
	{
	for ( i in v )
		{
		local j = 0;
		while ( j < 1 )
			{
			switch ( v[i] == target ) {
			case T:
				return +0 + i;
			default:
				break;
			}
			++j;
			}
		}
	return -1;
	}

event zeek_init()
	{
	print find(vector("a", "b"), "b"), find(vector("a"), "z");
	}
