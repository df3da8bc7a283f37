# Records stored as table values are references: changing a field through
# the table changes the same record the local holds.
type Info: record { n: count; tags: set[string]; };

event zeek_init()
	{
	local i = Info($n = 1, $tags = set("a"));
	local t: table[string] of Info = { ["k"] = i };
	t["k"]$n = 5;
	add t["k"]$tags["b"];
	print i$n, |i$tags|;
	}
