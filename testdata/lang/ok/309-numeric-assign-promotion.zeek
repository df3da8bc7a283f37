# what this covers: assigning counts to int and double variables and ints to doubles
event zeek_init()
	{
	local c = 5;
	local i: int = c;
	local d: double = c;
	local d2: double = i;
	local e: double;
	e = 7;
	print i, d, d2, e;
	}
