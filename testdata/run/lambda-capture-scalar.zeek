# what this covers: a captured scalar keeps the value it had when the
# lambda was made; each closure has its own captures.
function adder(n: count): function(x: count): count
	{
	return function[n](x: count): count { return x + n; };
	}
event zeek_init()
	{
	local add2 = adder(2);
	local add10 = adder(10);
	print add2(1), add10(1), add2(add10(5));
	}
