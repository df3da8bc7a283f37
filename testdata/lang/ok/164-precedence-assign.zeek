# what this covers: assignment is right-associative and lowest precedence in expressions
event zeek_init()
	{
	local a: count;
	local b: count;
	local c: count;
	a = b = c = 7;
	print a, b, c;
	a = b + c * 2;
	print a;
	}
