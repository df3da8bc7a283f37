# what this covers: table(...) constructors with single/multi keys, typed and untyped, with attributes
event zeek_init()
	{
	local t1 = table([1] = "a", [2] = "b");
	local t2 = table(["x", 1] = T, ["y", 2] = F);
	local t3: table[string] of count = table();
	local t4 = table([1.2.3.4] = 80/tcp) &default=0/tcp;
	print |t1|, t2["x", 1], |t3|, t4[5.6.7.8];
	}
