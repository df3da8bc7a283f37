# what this covers: ?$ on nested optional record fields with short-circuit &&
type Inner: record {
	v: count &optional;
};

type Outer: record {
	inner: Inner &optional;
};

event zeek_init()
	{
	local o = Outer();
	print o?$inner && o$inner?$v;
	o$inner = Inner($v=3);
	if ( o?$inner && o$inner?$v )
		print o$inner$v;
	}
