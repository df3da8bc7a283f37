# Mutually recursive functions (declared with global before definition).
global is_even: function(n: count): bool;
global is_odd: function(n: count): bool;

function is_even(n: count): bool
	{
	if ( n == 0 )
		return T;
	return is_odd(n - 1);
	}

function is_odd(n: count): bool
	{
	if ( n == 0 )
		return F;
	return is_even(n - 1);
	}

event zeek_init()
	{
	print is_even(10), is_odd(10), is_even(7), is_odd(7);
	}
