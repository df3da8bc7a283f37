# fib(30), naive double recursion: 1,664,079 calls.
function fib(n: count): count
	{
	if ( n < 2 )
		return n;
	return fib(n - 1) + fib(n - 2);
	}

event zeek_init()
	{
	print fib(30);
	}
