# what this covers: events carrying records, vectors and tables as arguments
type Item: record {
	id: count;
	tags: vector of string;
};

event process(item: Item, extra: table[string] of count)
	{
	print item$id, |item$tags|, |extra|;
	}

event zeek_init()
	{
	local it = Item($id=7, $tags=vector("a", "b"));
	event process(it, table(["x"] = 1));
	}
