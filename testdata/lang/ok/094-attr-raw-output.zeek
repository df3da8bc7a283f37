# what this covers: &raw_output on a file
global raw: file = open("/dev/null") &raw_output;

event zeek_init()
	{
	print raw, "bytes\x01\x02";
	close(raw);
	}
