# what this covers: the union holds the left operand's elements and then
# the right operand's new ones (as our insertion order shows them).
event zeek_init()
	{
	local u = set(3, 1) | set(2, 3);
	for ( x in u )
		print x;
	}
