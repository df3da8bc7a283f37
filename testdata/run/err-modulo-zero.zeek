# Modulo by zero is a run-time error; so is count and double division by
# zero (no inf for doubles).
event zeek_done() &priority=2
	{
	local a = 5;
	local b = 0;
	print a % b;
	}

event zeek_done() &priority=1
	{
	local d = 1.5;
	local z = 0.0;
	print d / z;
	}

event zeek_done()
	{
	print "still here";
	}
