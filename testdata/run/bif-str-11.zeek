# what this covers: escape_string escapes non-printable bytes and backslash.
event zeek_init()
	{
	print escape_string("plain");
	print escape_string("tab\there");
	print escape_string("nul\x00byte");
	print escape_string("back\\slash");
	}
