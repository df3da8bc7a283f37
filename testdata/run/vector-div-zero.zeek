# what this covers: a zero element in vector division is Zeek's
# "division by zero" error for the whole expression.
event zeek_init()
	{
	local a = vector(4, 6);
	local b = vector(2, 0);
	print a / b;
	print "not reached";
	}
