# what this covers: multi-index tables and sets, { [1, "a"] = 2.0 } initializers, tuple membership
global weights: table[count, string] of double = { [1, "a"] = 2.0, [2, "b"] = 3.5 };
global pairs: set[addr, port] = { [10.0.0.1, 80/tcp], [10.0.0.2, 443/tcp] };

event zeek_init()
	{
	print weights[1, "a"];
	print [2, "b"] in weights, [3, "c"] in weights;
	print [10.0.0.1, 80/tcp] in pairs;
	}
