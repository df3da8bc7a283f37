# what this covers: a longer script combining records, tables, events, hooks and loops
module Inventory;

export {
	type Item: record {
		name: string;
		qty: count &default=0;
		tags: set[string] &default=set();
	};
	global stock: table[string] of Item;
	global low_stock: event(i: Item);
	global threshold = 2 &redef;
}

function restock(name: string, n: count)
	{
	if ( name !in stock )
		stock[name] = Item($name=name);
	stock[name]$qty += n;
	}

event low_stock(i: Item)
	{
	print "low", i$name, i$qty;
	}

event zeek_init()
	{
	restock("bolt", 1);
	restock("nut", 10);
	add stock["nut"]$tags["metal"];
	for ( n, it in stock )
		if ( it$qty < threshold )
			event low_stock(it);
	print |stock|, |stock["nut"]$tags|;
	}
