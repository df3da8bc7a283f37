# what this covers: anonymous functions assigned to variables and called
event zeek_init()
	{
	local add_one = function(n: count): count { return n + 1; };
	local greet: function(s: string): string = function(s: string): string { return "hi " + s; };
	print add_one(1), greet("you");
	local noop = function() { print "noop"; };
	noop();
	}
