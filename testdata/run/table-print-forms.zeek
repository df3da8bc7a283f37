# what this covers: print of tables and sets: one entry per line, multi
# index keys in brackets, empty containers as braces on two lines.
event zeek_init()
	{
	print table([1] = "one", [2] = "two");
	print set("a", "b");
	local m: table[string, count] of bool = { ["x", 1] = T };
	print m;
	local s: set[string, count] = { ["y", 2] };
	print s;
	local e: set[count] = set();
	print e;
	}
