# A parameter shadows a global of the same name; the global is untouched
# by assignments to the parameter.
global n = 100;

function bump(n: count): count
	{
	n = n + 1;
	return n;
	}

event zeek_init()
	{
	print bump(1), n;
	}
