# what this covers: set operators with an empty operand.
event zeek_init()
	{
	local a = set("x", "y");
	local e: set[string] = set();
	print |(a | e)|, |(a & e)|, |(a - e)|, |(e - a)|;
	print e < a, e <= a, e == e, a - a == e;
	}
