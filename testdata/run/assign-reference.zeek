# what this covers: assignment of records, vectors and tables shares the
# value: a change through one name is seen through the other.
type R: record { n: count; };
event zeek_init()
	{
	local r = R($n=1);
	local r2 = r;
	r2$n = 2;
	local v = vector(1);
	local v2 = v;
	v2 += 5;
	local t: table[string] of count = table();
	local t2 = t;
	t2["k"] = 9;
	print r$n, v, t["k"];
	}
