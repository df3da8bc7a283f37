# A local declared inside a nested block is in scope for the rest of the
# function (Zeek locals are function-wide), including after loops.
function f(n: count): string
	{
	for ( i in vector(1, 2, 3) )
		{
		local last = i;
		}
	if ( n > 0 )
		{
		local msg = "positive";
		}
	else
		msg = "zero";
	return fmt("%s last=%s", msg, last);
	}

event zeek_init()
	{
	print f(1);
	print f(0);
	}
