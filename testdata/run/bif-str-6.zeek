# what this covers: strip, lstrip, rstrip with default and custom chars.
event zeek_init()
	{
	print fmt("[%s]", strip("  \t padded \n "));
	print fmt("[%s]", lstrip("  left  "));
	print fmt("[%s]", rstrip("  right  "));
	print fmt("[%s]", lstrip("xxyabcyx", "xy"));
	print fmt("[%s]", rstrip("xxyabcyx", "xy"));
	print fmt("[%s]", strip(""));
	}
