# what this covers: bytestring_to_hexstr / hexstr_to_bytestring round trip.
event zeek_init()
	{
	print bytestring_to_hexstr("ABC");
	print bytestring_to_hexstr("\x00\xff");
	print hexstr_to_bytestring("414243");
	print hexstr_to_bytestring(bytestring_to_hexstr("round trip")) == "round trip";
	print string_to_ascii_hex("hi");
	}
