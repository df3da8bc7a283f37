# what this covers: `?$` on nested records: each level is tested before
# going deeper.
type Inner: record { x: count &optional; };
type Outer: record { i: Inner &optional; n: count &default=3; };
event zeek_init()
	{
	local o = Outer();
	print o?$i, o?$n;
	o$i = Inner();
	print o?$i, o$i?$x;
	o$i$x = 5;
	print o$i?$x, o$i$x;
	delete o$i$x;
	print o$i?$x;
	}
