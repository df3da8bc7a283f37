# A built-in that reports an error still returns its own value, as in
# Zeek: sqrt of a negative number is -1.0; to_count of garbage is 0.
event zeek_init()
	{
	print sqrt(-4.0);
	print to_count("xyz");
	print to_addr("not an addr");
	}
