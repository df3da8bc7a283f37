# what this covers: assignment of a ternary, ternaries in arguments, ternary with || conditions
function pick(a: count, b: count): count
	{
	return a > b ? a : b;
	}

event zeek_init()
	{
	local x: count;
	x = T ? 1 : 2;
	print x, pick(x == 1 ? 5 : 6, 3), x > 0 || F ? "pos" : "zero";
	}
