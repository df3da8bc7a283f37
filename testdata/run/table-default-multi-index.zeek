# what this covers: a &default function on a two-column table receives
# both index values.
function dflt(a: string, b: count): string
	{
	return fmt("%s/%d", a, b);
	}
global t: table[string, count] of string &default=dflt;
event zeek_init()
	{
	print t["x", 1], t["y", 2], |t|;
	}
