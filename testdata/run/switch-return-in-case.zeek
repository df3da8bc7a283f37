# return inside a case returns from the function.
function first_even(v: vector of count): count
	{
	for ( i in v )
		{
		switch ( v[i] % 2 ) {
		case 0:
			return v[i];
		}
		}
	return 0;
	}

event zeek_init()
	{
	print first_even(vector(3, 5, 8, 10)), first_even(vector(1));
	}
