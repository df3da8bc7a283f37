# what this covers: a `[x]` capture shares an aggregate with the outer
# scope; a `[copy x]` capture takes a deep copy when the lambda is made.
event zeek_init()
	{
	local v = vector(1);
	local shared = function[v](): count { return |v|; };
	local copied = function[copy v](): count { return |v|; };
	v += 2;
	v += 3;
	print shared(), copied();
	}
