# what this covers: a lambda assigned to a global declared with a function type, at top level and in a handler
global transform: function(x: count): count;
global describe: function(s: string): string;

transform = function(x: count): count { return x * 2; };

event zeek_init() &priority=10
	{
	describe = function(s: string): string { return "<" + s + ">"; };
	}

event zeek_init()
	{
	print transform(21), describe("x");
	transform = function(x: count): count { return x + 1; };
	print transform(21);
	}
