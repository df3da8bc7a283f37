# what this covers: enums as set members and table keys.
type E: enum { RED, GREEN, BLUE };
event zeek_init()
	{
	local s = set(RED, BLUE);
	local t: table[E] of string = { [GREEN] = "g" };
	print RED in s, GREEN in s, t[GREEN], BLUE in t;
	print s;
	}
