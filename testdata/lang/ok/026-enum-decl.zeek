# what this covers: enum declaration, explicit enumerator values, enum comparison
type Color: enum { RED, GREEN = 5, BLUE };

event zeek_init()
	{
	local c = GREEN;
	local d: Color = BLUE;
	print c, d;
	print c == GREEN, c != d;
	print |RED|;
	}
