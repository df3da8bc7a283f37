# what this covers: nested record types and chained field access
type Inner: record {
	x: count;
	y: count;
};

type Outer: record {
	label: string;
	pos: Inner;
};

event zeek_init()
	{
	local o = Outer($label="pt", $pos=Inner($x=1, $y=2));
	print o$pos$x + o$pos$y;
	o$pos$y = 10;
	print o;
	}
