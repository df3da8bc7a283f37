# what this covers: export block holding types, consts, options, globals, events, hooks, functions and redefs
module Kit;

export {
	type Level: enum { L1, L2 };
	type Info: record {
		lvl: Level &default=L1;
	};
	const max_items = 5 &redef;
	option verbose = F;
	global items: set[string];
	global item_added: event(s: string);
	global item_filter: hook(s: string);
	global add_item: function(s: string): bool;
	redef enum Level += { L3 };
	redef record Info += { note: string &optional; };
}

function add_item(s: string): bool
	{
	if ( ! hook item_filter(s) )
		return F;
	add items[s];
	event item_added(s);
	return T;
	}

event zeek_init()
	{
	print Kit::add_item("x"), L3, Info(), max_items, verbose;
	}
