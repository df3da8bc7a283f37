# what this covers: assert with complex conditions and formatted messages
type R: record {
	n: count;
};

event zeek_init()
	{
	local r = R($n=4);
	local v = vector(1, 2, 3);
	assert r$n > |v| && 2 in v, fmt("r=%s v=%s", r, v);
	assert "x" !in set("y");
	print "ok";
	}
