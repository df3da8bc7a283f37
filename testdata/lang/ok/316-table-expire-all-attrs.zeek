# what this covers: a table combining &default, &create_expire, &expire_func and &on_change
function on_exp(t: table[string] of count, s: string): interval
	{
	return 0 secs;
	}

function on_chg(t: table[string] of count, tpe: TableChange, s: string, v: count)
	{
	}

global combo: table[string] of count &default=0 &create_expire=1 hr &expire_func=on_exp &on_change=on_chg;

event zeek_init()
	{
	combo["a"] = 1;
	print combo["a"], combo["b"];
	}
