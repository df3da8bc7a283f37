# what this covers: &on_change callback with TableChange values
function changed(t: table[string] of count, tpe: TableChange, idx: string, val: count)
	{
	print tpe, idx, val;
	}

global watched: table[string] of count &on_change=changed;

event zeek_init()
	{
	watched["a"] = 1;
	watched["a"] = 2;
	delete watched["a"];
	}
