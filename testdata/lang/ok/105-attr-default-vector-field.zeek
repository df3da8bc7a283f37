# what this covers: &default with container constructors for record fields, per-instance values
type Bag: record {
	items: vector of string &default=vector();
	index: table[string] of count &default=table();
};

event zeek_init()
	{
	local a = Bag();
	local b = Bag();
	a$items += "x";
	a$index["x"] = 0;
	print |a$items|, |b$items|, |a$index|;
	}
