# what this covers: division by zero for count, int and double and modulo
# by zero: each aborts its own handler with Zeek's message.
event zeek_init() &priority=4
	{
	local z = 0;
	print 1 / z;
	}
event zeek_init() &priority=3
	{
	local z: int = 0;
	print -1 / z;
	}
event zeek_init() &priority=2
	{
	local z = 0.0;
	print 1.5 / z;
	}
event zeek_init() &priority=1
	{
	local z = 0;
	print 5 % z;
	}
event zeek_init()
	{
	print "last handler runs";
	}
