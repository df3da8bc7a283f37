# what this covers: enums compare by their value (declaration order);
# == and != with constants; |e| gives the numeric value.
type Color: enum { RED, GREEN, BLUE };
event zeek_init()
	{
	local c = GREEN;
	print c == GREEN, c != RED, RED < BLUE, BLUE > GREEN, c <= GREEN;
	print |RED|, |BLUE|;
	}
