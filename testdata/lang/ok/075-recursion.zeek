# what this covers: recursive functions
function fact(n: count): count
	{
	if ( n <= 1 )
		return 1;
	return n * fact(n - 1);
	}

function fib(n: count): count
	{
	return n < 2 ? n : fib(n - 1) + fib(n - 2);
	}

event zeek_init()
	{
	print fact(10), fib(15);
	}
