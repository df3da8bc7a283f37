# what this covers: set operators on sets with two index columns.
event zeek_init()
	{
	local a: set[string, count] = { ["a", 1], ["b", 2] };
	local b: set[string, count] = { ["b", 2], ["c", 3] };
	print |(a | b)|, |(a & b)|, |(a - b)|;
	print ["b", 2] in (a & b), ["a", 1] in (a - b), ["c", 3] in (a | b);
	}
