# what this covers: function values stored in a table and called through
# it.
event zeek_init()
	{
	local ops: table[string] of function(a: count, b: count): count = {
		["add"] = function(a: count, b: count): count { return a + b; },
		["mul"] = function(a: count, b: count): count { return a * b; },
	};
	print ops["add"](3, 4), ops["mul"](3, 4);
	for ( name in ops )
		print name, ops[name](5, 6);
	}
