# what this covers: int_to_count for non-negative and negative input,
# int_to_double and count_to_double.
event zeek_init()
	{
	print int_to_count(+12);
	print int_to_count(-3);
	print int_to_double(-4), count_to_double(9);
	}
