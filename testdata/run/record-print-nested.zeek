# what this covers: print renders nested records, containers inside
# records and unset optional fields.
type Inner: record { a: count; b: string &optional; };
type Outer: record { i: Inner; v: vector of count; t: table[count] of string; };
event zeek_init()
	{
	local o = Outer($i=Inner($a=1), $v=vector(1, 2), $t=table([3] = "three"));
	print o;
	}
