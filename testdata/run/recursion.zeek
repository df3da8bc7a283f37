# what this covers: recursive functions, including mutual recursion.
function fib(n: count): count
	{
	if ( n < 2 )
		return n;
	return fib(n - 1) + fib(n - 2);
	}
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
	print fib(0), fib(1), fib(10), fib(20);
	print is_even(10), is_odd(7), is_even(3);
	}
