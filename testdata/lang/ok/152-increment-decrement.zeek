# what this covers: ++ and -- on count and int variables, fields and table elements
type R: record {
	n: count &default=0;
};

event zeek_init()
	{
	local c = 5;
	local i = -5;
	++c;
	--c;
	++i;
	--i;
	local r = R();
	++r$n;
	local t: table[string] of int = { ["k"] = +1 };
	++t["k"];
	--t["k"];
	print c, i, r$n, t["k"];
	}
