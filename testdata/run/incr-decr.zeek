# what this covers: ++ and -- on counts and ints, on locals, record
# fields and table entries.
type R: record { n: count; };
event zeek_init()
	{
	local i: int = -1;
	++i;
	++i;
	--i;
	local r = R($n=5);
	++r$n;
	local t: table[string] of count = { ["a"] = 1 };
	++t["a"];
	print i, r$n, t["a"];
	}
