# what this covers: return with and without a value, return inside loops
function first_even(v: vector of count): count
	{
	for ( i in v )
		if ( v[i] % 2 == 0 )
			return v[i];
	return 0;
	}

function noop()
	{
	return;
	}

event zeek_init()
	{
	noop();
	print first_even(vector(1, 3, 6, 8));
	return;
	}
