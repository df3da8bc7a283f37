# Recursion with a global memo table.
global memo: table[count] of count;

function fib(n: count): count
	{
	if ( n < 2 )
		return n;
	if ( n in memo )
		return memo[n];
	local r = fib(n - 1) + fib(n - 2);
	memo[n] = r;
	return r;
	}

event zeek_init()
	{
	print fib(50), |memo|;
	}
