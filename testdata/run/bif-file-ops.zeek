# File values: open truncates, open_for_append appends, print writes
# "a, b" lines to a file, raw output writes the bare bytes, write_file
# writes data as is, close ends writes. The test runs in a fresh temporary
# directory; runtime/engine/bifs_files_test.go checks the file contents.

global f: file;
global later: event();

event zeek_init()
	{
	f = open("out.txt");
	print "file", f;
	print get_file_name(f);
	print f, "line", 1, T;
	print f, 1.5, vector(1, 2), "x\x01y";
	print write_file(f, "raw data\n");
	print set_buf(f, F);
	print flush_all();
	print close(f);
	print close(f);	# closing again succeeds
	print f, "dropped";	# a closed file drops prints
	print write_file(f, "dropped");
	print get_file_name(f);

	local a = open_for_append("out.txt");
	print a, "appended";
	print close(a);

	local r = open("raw.bin");
	enable_raw_output(r);
	print r, "hello\x00world", "hi", 42;
	print r, T;
	print write_file(r, "");	# zero bytes: Zeek's write fails
	close(r);

	local t = open("trunc.txt");
	print t, "first";
	close(t);
	t = open("trunc.txt");	# open again: truncated
	print t, "second";
	close(t);

	local s = open("-");	# standard output
	print s, "to stdout", 1;
	print write_file(s, "raw to stdout\n");
	print close(s);	# the standard streams are never closed
	print s, "still stdout";
	schedule 1 sec { later() };
	}

# An error during zeek_init would end the run: the failed open comes later.
event later()
	{
	local bad = open("no/such/dir/x.txt");
	print get_file_name(bad);
	print bad, "dropped";
	print write_file(bad, "dropped");
	print close(bad);
	}
