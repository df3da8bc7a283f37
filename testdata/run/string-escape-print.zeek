# print escapes non-printable bytes as \xHH (lowercase) and leaves
# backslashes and quotes alone; fmt and cat keep raw bytes, so printing
# their result escapes the same bytes.
event zeek_init()
	{
	print "Test \0string";
	print "tab\there", "nl\nhere", "bs\\x", "q\"q";
	print "AB\xffCD\x00";
	print "foo \16 bar";
	print |fmt("%s", "\x00\x1f")|;
	print fmt("[%s]", "a\tb");
	print "\x41\x42";
	}
