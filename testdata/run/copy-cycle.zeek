# what this covers: copy() of a self-referencing record keeps the cycle in
# the copy, and print marks it.
type Node: record { val: count; nxt: Node &optional; };
event zeek_init()
	{
	local n = Node($val=1);
	n$nxt = n;
	local c = copy(n);
	c$val = 2;
	print n$val, c$val, c$nxt$val;
	print n;
	}
