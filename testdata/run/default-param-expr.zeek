# Default parameters may be expressions, including calls and globals;
# they are evaluated at each call.
global base = 10;

function sum(a: count, b: count &default = base * 2, s: string &default = fmt("b%d", base)): string
	{
	return fmt("%d+%d (%s)", a, b, s);
	}

event zeek_init()
	{
	print sum(1);
	base = 100;
	print sum(1);
	print sum(1, 2);
	print sum(1, 2, "x");
	}
