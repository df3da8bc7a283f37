# what this covers: for ( [a, b] in t ) over multi-index tables and sets
event zeek_init()
	{
	local t: table[addr, port] of string = { [1.1.1.1, 80/tcp] = "web", [2.2.2.2, 22/tcp] = "ssh" };
	local s: set[string, count] = { ["x", 1], ["y", 2] };
	for ( [a, p] in t )
		print a, p, t[a, p];
	for ( [name, num] in s )
		print name, num;
	}
