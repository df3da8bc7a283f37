# what this covers: a &default function receives the missing index and
# its result is returned, not inserted.
global t: table[count] of string &default=function(k: count): string { return fmt("none-%d", k); };
event zeek_init()
	{
	print t[5], t[6], |t|;
	t[5] = "five";
	print t[5];
	}
