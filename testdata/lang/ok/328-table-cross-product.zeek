# what this covers: table constructors whose index lists embed sets give every combination the same value
global service_of: table[addr, port] of string = {
	[1.2.3.4, set(80/tcp, 8080/tcp)] = "http",
	[1.2.3.4, 22/tcp] = "ssh",
};

global weights: table[string, count] of double = table([set("a", "b"), 1] = 0.5);

event zeek_init()
	{
	print |service_of|, service_of[1.2.3.4, 8080/tcp];
	print |weights|, weights["b", 1];
	local local_tbl = { [set(1, 2), "k"] = T };
	for ( [n, k], flag in local_tbl )
		print n, k, flag;
	}
