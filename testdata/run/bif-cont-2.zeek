# what this covers: sort with a comparison function (descending, and by
# string length).
function desc(a: int, b: int): int
	{
	return b - a;
	}

function bylen(a: string, b: string): int
	{
	return |a| == |b| ? 0 : (|a| < |b| ? -1 : 1);
	}

event zeek_init()
	{
	local v = vector(3, -1, 7, 0);
	sort(v, desc);
	print v;
	local s = vector("ccc", "a", "bb");
	sort(s, bylen);
	print s;
	}
