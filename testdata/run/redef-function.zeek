# A &redef function (declared, then given a body) may be redefined to
# another function: calls, direct or through a value, reach the new one
# (Log::rotation_format_func is customised so).
const greet: function(name: string): string &redef;

function greet(name: string): string
	{
	return "hello " + name;
	}

function shout(name: string): string
	{
	return "HELLO " + to_upper(name);
	}

redef greet = shout;

event zeek_init()
	{
	print greet("zeek");
	local f = greet;
	print f("bro");
	}
