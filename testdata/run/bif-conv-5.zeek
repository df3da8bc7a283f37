# what this covers: double_to_count / double_to_int round as rint() does;
# a negative double_to_count is an error.
event zeek_init()
	{
	print double_to_count(3.99), double_to_int(-3.99), double_to_int(7.0);
	print double_to_count(-1.5);
	}
