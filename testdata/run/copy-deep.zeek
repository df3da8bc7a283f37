# what this covers: copy() is deep: changes to the copy's nested
# containers do not reach the original.
type R: record { v: vector of count; s: set[string]; };
event zeek_init()
	{
	local r = R($v=vector(1), $s=set("a"));
	local c = copy(r);
	c$v += 2;
	add c$s["b"];
	print r, c;
	}
