# what this covers: `+=` on a global pattern changes the global; matching
# uses the new alternatives.
global bad = /evil/;
function check(s: string): bool
	{
	return bad in s;
	}
event zeek_init()
	{
	print check("an evil plan"), check("a nasty plan");
	bad += /nasty/;
	print check("an evil plan"), check("a nasty plan");
	}
