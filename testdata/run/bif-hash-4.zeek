# what this covers: fnv1a32 of strings (FNV-1a 32-bit test vectors).
event zeek_init()
	{
	print fnv1a32("");
	print fnv1a32("a");
	print fnv1a32("foobar");
	}
