# what this covers: locals shadowing globals and function parameters used as locals
global value = "global";

function f(value: count): count
	{
	return value + 1;
	}

event zeek_init()
	{
	local value = 10;
	print value, f(value);
	print ::value;
	}
