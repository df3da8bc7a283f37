# what this covers: cat and cat_sep, including the default for empty
# strings in cat_sep.
event zeek_init()
	{
	print cat("a", 1, T, 2.5, 10.0.0.1);
	print cat_sep(", ", "<empty>", "x", "", 3);
	print cat();
	}
