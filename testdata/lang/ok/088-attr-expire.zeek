# what this covers: &create_expire, &read_expire and &write_expire on tables and sets
global recent: set[addr] &create_expire=10 min;
global seen: table[string] of count &read_expire=1 hr;
global written: table[count] of string &write_expire=30 secs;

event zeek_init()
	{
	add recent[1.2.3.4];
	seen["x"] = 1;
	written[1] = "y";
	print |recent|, |seen|, |written|;
	}
