# what this covers: functions receive aggregates by reference and scalars
# by value.
function f(n: count, v: vector of count, r: table[count] of count)
	{
	n = 100;
	v += 9;
	r[1] = 1;
	}
event zeek_init()
	{
	local n = 1;
	local v = vector(0);
	local t: table[count] of count;
	f(n, v, t);
	print n, v, t;
	}
