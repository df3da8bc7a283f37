# fmt and cat box their arguments in storage the call site reuses: a
# call that re-enters the same site while its arguments are evaluated
# (recursion) still sees its own arguments, of every kind.
type R: record { a: count; b: string &optional; };

function nest(n: count): string
	{
	if ( n == 0 )
		return "0";
	return fmt("%s<%s|%s>", n, nest(n - 1), R($a=n));
	}

function glue(n: count): string
	{
	if ( n == 0 )
		return "";
	return cat(n, "/", glue(n - 1), 10.0.0.1, [$a=n], 2.5);
	}

event zeek_init()
	{
	print nest(3);
	print glue(2);
	print fmt("%s %s %s", set(1, 2), vector("x"), 1sec);
	}
