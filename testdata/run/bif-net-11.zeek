# what this covers: count_to_v4_addr and raw_bytes_to_v4_addr.
event zeek_init()
	{
	print count_to_v4_addr(3232235777);
	print count_to_v4_addr(0);
	print raw_bytes_to_v4_addr("\x0a\x00\x00\x01");
	}
