# Tables and sets: insert, lookup, membership, delete, size, iteration in
# insertion order.
event zeek_init()
	{
	local t: table[string] of count;
	t["b"] = 2;
	t["a"] = 1;
	t["c"] = 3;
	print |t|, t["a"], "b" in t, "z" in t;
	delete t["b"];
	for ( k in t )
		print k, t[k];
	for ( k, v in t )
		print k, v;
	local s = set(10, 20, 30);
	add s[40];
	delete s[10];
	print |s|, 20 in s, 10 in s, 50 !in s;
	local m: table[count, string] of bool;
	m[1, "x"] = T;
	print [1, "x"] in m, [2, "x"] in m;
	}
