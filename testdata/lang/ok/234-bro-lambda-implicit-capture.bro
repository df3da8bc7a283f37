# what this covers: Bro-era lambdas without a capture list referencing outer locals
event bro_init()
	{
	local offset = 10;
	local f = function(n: count): count { return n + offset; };
	print f(1);
	}
