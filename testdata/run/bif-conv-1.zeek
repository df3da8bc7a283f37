# what this covers: to_count / to_int / to_double on well-formed input,
# including an explicit base.
event zeek_init()
	{
	print to_count("42"), to_count("ff", 16), to_count("0x1F", 16), to_count("777", 8);
	print to_int("-17"), to_int("+5"), to_int("-ff", 16);
	print to_double("3.25"), to_double("-1e3"), to_double("0.5");
	}
