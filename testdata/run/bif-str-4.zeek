# what this covers: split_string_n with and without separators included,
# and a bounded number of splits.
event zeek_init()
	{
	print split_string_n("a1b22c333d", /[0-9]+/, F, 2);
	print split_string_n("a1b22c333d", /[0-9]+/, T, 2);
	print split_string_n("a1b22c333d", /[0-9]+/, F, 10);
	}
