# Each recursive call has its own locals.
function depth(n: count): string
	{
	local me = fmt("<%d>", n);
	if ( n == 0 )
		return me;
	local inner = depth(n - 1);
	return me + inner + me;
	}

event zeek_init()
	{
	print depth(3);
	}
