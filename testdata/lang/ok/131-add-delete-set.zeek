# what this covers: add and delete on sets, including multi-index sets
event zeek_init()
	{
	local s: set[string] = set();
	local m: set[addr, port];
	add s["a"];
	add s["b"];
	delete s["a"];
	add m[1.2.3.4, 80/tcp];
	delete m[1.2.3.4, 80/tcp];
	print |s|, |m|;
	}
