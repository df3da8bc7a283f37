# what this covers: redef enum E += { ... } adding names, including names from another module
type Color: enum { RED, GREEN };

redef enum Color += { BLUE, YELLOW = 10 };

module Other;

redef enum Color += { Other::PURPLE };

module GLOBAL;

event zeek_init()
	{
	local c: Color = BLUE;
	print c, YELLOW, Other::PURPLE;
	}
