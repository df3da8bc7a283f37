# what this covers: functions taking any parameters and returning any
function wrap(x: any): any
	{
	return x;
	}

event zeek_init()
	{
	local a = wrap(5);
	local b = wrap("s");
	print a as count, b as string;
	print wrap(vector(1)) is vector of count;
	}
