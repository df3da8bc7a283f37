# what this covers: to_int on malformed input reports an error and
# returns 0.
event zeek_init()
	{
	local s = "seven";
	print to_int(s);
	print to_int("3.5");
	}
