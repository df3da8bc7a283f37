# what this covers: &default values on tables (constant default)
global counts: table[string] of count &default=0;

event zeek_init()
	{
	counts["a"] += 1;
	counts["a"] += 1;
	print counts["a"], counts["missing"];
	print "missing" in counts;
	}
