# what this covers: ljust / rjust pad to a width (default fill is a space,
# longer input is unchanged); zfill pads with zeros.
event zeek_init()
	{
	print fmt("[%s]", ljust("ab", 5));
	print fmt("[%s]", rjust("ab", 5));
	print fmt("[%s]", ljust("ab", 5, "."));
	print fmt("[%s]", rjust("ab", 5, "*"));
	print fmt("[%s]", ljust("abcdef", 3));
	print zfill("42", 5), zfill("12345", 3);
	}
