# what this covers: an error inside a called function aborts the whole
# handler, not just the function; the next handler still runs.
function lookup(t: table[string] of count, k: string): count
	{
	print "looking up", k;
	return t[k];
	}
event zeek_init() &priority=1
	{
	local t: table[string] of count = { ["a"] = 1 };
	print lookup(t, "a");
	print lookup(t, "b");
	print "not reached";
	}
event zeek_init()
	{
	print "second handler";
	}
