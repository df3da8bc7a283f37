# what this covers: unescape_URI decodes %XX sequences.
event zeek_init()
	{
	print unescape_URI("a%20b%2Fc");
	print unescape_URI("100%25");
	print unescape_URI("no-escapes");
	print unescape_URI("%41%42%43");
	}
