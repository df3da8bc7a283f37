# Nested records and containers of records print as Zeek prints them.
type Inner: record {
	x: count;
	y: string &optional;
};

type Outer: record {
	name: string;
	inner: Inner;
	list: vector of Inner;
	byname: table[string] of Inner;
	tags: set[string];
	opt: Inner &optional;
};

event zeek_init()
	{
	local i1 = Inner($x=1, $y="one");
	local i2 = Inner($x=2);
	local o = Outer($name="o", $inner=i1, $list=vector(i1, i2),
	                $byname=table(["a"] = i1, ["b"] = i2), $tags=set("t"));
	print o;
	print o$list;
	print o$byname;
	print vector(o$inner, Inner($x=3, $y="three"));
	print set(i1, i2);
	o$opt = i2;
	print o$opt;
	print fmt("%s", i1);
	}
