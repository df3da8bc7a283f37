# what this covers: deeply nested function calls and calls as arguments
function inc(n: count): count { return n + 1; }
function twice(n: count): count { return n * 2; }

event zeek_init()
	{
	print inc(twice(inc(twice(1))));
	print fmt("%d-%d", inc(1), twice(inc(2)));
	print to_upper(to_lower(to_upper("MiXeD")));
	}
