# what this covers: set relational comparisons < <= == != between same-typed sets
event zeek_init()
	{
	local small = set("a");
	local big = set("a", "b");
	print small < big, small <= big, big < small;
	print small == set("a"), small != big;
	}
