# Scalar event arguments are values: changing the local after the event
# statement does not change what the handler sees.
event show(s: string, n: count)
	{
	print s, n;
	}

event zeek_init()
	{
	local s = "before";
	local n = 1;
	event show(s, n);
	s = "after";
	n = 2;
	}
