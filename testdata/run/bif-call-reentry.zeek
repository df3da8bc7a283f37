# A built-in call site reuses its argument slice; a call that reaches the
# same site again while its arguments are evaluated (recursion), or one
# cut short by a run-time error, must not disturb it.
global t: table[count] of string = { [1] = "7" };

function f(n: count): string
	{
	if ( n == 0 )
		return "x";
	return cat(n, "-", f(n - 1), "-", n);
	}

function g(k: count): count
	{
	return to_count(t[k]);
	}

event zeek_init()
	{
	print f(3);
	print g(1);
	print g(2);
	}

event zeek_init() &priority=-1
	{
	print g(1), f(1);
	}
