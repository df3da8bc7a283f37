# what this covers: to_double on malformed input reports an error and
# returns 0.0.
event zeek_init()
	{
	print to_double("abc");
	print to_double("1.5x");
	}
