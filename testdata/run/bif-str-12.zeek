# what this covers: clean replaces non-printable bytes with escapes.
event zeek_init()
	{
	print clean("ok text");
	print clean("a\x01b");
	print clean("line\nbreak");
	}
