# what this covers: the file type, open/print-to-file/close
global out: file;

event zeek_init()
	{
	out = open("/dev/null");
	print out, "a line", 42;
	write_file(out, "raw text\n");
	local f: file = open_for_append("/dev/null");
	print f, "appended";
	close(f);
	close(out);
	}
