# what this covers: &default_insert stores the default on first read, so
# an aggregate default can be filled in place.
event zeek_init()
	{
	local t: table[string] of vector of count &default_insert=vector();
	t["a"] += 1;
	t["a"] += 2;
	print t["a"], |t|;
	print t["b"], |t|, "b" in t;
	}
