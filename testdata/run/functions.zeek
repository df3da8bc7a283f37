# Functions: parameters, defaults, recursion, function values.
function fib(n: count): count
	{
	if ( n < 2 )
		return n;
	return fib(n - 1) + fib(n - 2);
	}

function greet(name: string, greeting: string &default="hello"): string
	{
	return greeting + " " + name;
	}

event zeek_init()
	{
	print fib(10), fib(20);
	print greet("zeek"), greet("bro", "hi");
	local f = fib;
	print f(7);
	}
