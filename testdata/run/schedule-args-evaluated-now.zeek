# The arguments of a scheduled event are evaluated when the schedule
# statement runs; an aggregate argument is shared, so later changes show.
event show(n: count, v: vector of count)
	{
	print n, v;
	}

event zeek_init()
	{
	local n = 1;
	local v = vector(1);
	schedule 1 sec { show(n, v) };
	n = 2;
	v += 2;
	}
