# what this covers: record coercion in assignments, returns and table values
type Cfg: record {
	name: string;
	level: count &default=1;
	note: string &optional;
};

function make_cfg(n: string): Cfg
	{
	return [$name=n];
	}

global cfgs: table[string] of Cfg;

event zeek_init()
	{
	cfgs["a"] = [$name="a", $level=3];
	cfgs["b"] = make_cfg("b");
	print cfgs["a"]$level, cfgs["b"]$level, cfgs["b"]?$note;
	}
