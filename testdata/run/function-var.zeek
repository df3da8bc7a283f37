# A global declared with a function type can be given a lambda or a
# function, and calls go to whatever it holds.
global op: function(a: count, b: count): count;

function plus(a: count, b: count): count { return a + b; }

event zeek_init()
	{
	op = plus;
	print op(2, 3);
	op = function(a: count, b: count): count { return a * b; };
	print op(2, 3);
	}
