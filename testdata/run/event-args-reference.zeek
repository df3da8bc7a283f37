# what this covers: event arguments are evaluated when the event is
# queued; aggregates are passed by reference, scalars by value.
global e: event(n: count, v: vector of count);
event e(n: count, v: vector of count)
	{
	print n, v;
	}
event zeek_init()
	{
	local n = 1;
	local v = vector(1);
	event e(n, v);
	n = 2;
	v += 2;
	}
