# what this covers: &default on a table gives the value for a missing key
# without inserting it.
global t: table[string] of count &default=7;
event zeek_init()
	{
	print t["missing"], |t|, "missing" in t;
	t["a"] = 1;
	print t["a"], t["b"], |t|;
	}
