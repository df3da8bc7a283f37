# what this covers: a record read from a table is the stored record:
# changing it changes the table's value.
type R: record { n: count; };
event zeek_init()
	{
	local t: table[string] of R = { ["a"] = R($n=1) };
	local r = t["a"];
	r$n = 42;
	t["a"]$n += 1;
	print t["a"];
	}
