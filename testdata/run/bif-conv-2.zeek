# what this covers: to_count on malformed input reports an error and
# returns 0.
event zeek_init()
	{
	print to_count("12abc");
	print to_count("");
	}
