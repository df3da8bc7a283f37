# what this covers: str_split_indices splits at the given byte offsets.
event zeek_init()
	{
	print str_split_indices("abcdefgh", vector(2, 5));
	print str_split_indices("this is a test", vector(3, 6, 13));
	}
