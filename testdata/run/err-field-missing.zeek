# what this covers: reading an unset &optional field is "field value
# missing", also through a nested record.
type Inner: record { x: count &optional; };
type Outer: record { i: Inner; };
event zeek_init() &priority=1
	{
	local o = Outer($i=Inner());
	print o$i;
	print o$i$x;
	}
event zeek_init()
	{
	print "next handler";
	}
