# what this covers: print f, x writes to a file value
event zeek_init()
	{
	local f = open("/dev/null");
	print f, "to the file";
	print f, 1, 2, 3;
	close(f);
	}
