# what this covers: bytestring_to_count in both byte orders.
event zeek_init()
	{
	print bytestring_to_count("\x01\x02");
	print bytestring_to_count("\x01\x02", T);
	print bytestring_to_count("\x00\x00\x00\x2a");
	}
