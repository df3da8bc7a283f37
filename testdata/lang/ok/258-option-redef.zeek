# what this covers: options can be redef'ed at parse time
option max_items = 10;
option label = "default";

redef max_items = 20;
redef label = "custom";

event zeek_init()
	{
	print max_items, label;
	}
