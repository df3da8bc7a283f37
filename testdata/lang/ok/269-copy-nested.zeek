# what this covers: copy() of records holding tables and vectors (deep copy)
type Box: record {
	items: table[string] of vector of count;
};

event zeek_init()
	{
	local b = Box($items=table(["a"] = vector(1)));
	local c = copy(b);
	b$items["a"] += 2;
	print |b$items["a"]|, |c$items["a"]|;
	}
