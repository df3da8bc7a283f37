# what this covers: IPv4 address literals and comparison
event zeek_init()
	{
	local a = 10.0.0.1;
	local b: addr = 192.168.1.254;
	local c = 0.0.0.0;
	local d = 255.255.255.255;
	print a, b, c, d;
	print a < b, a == 10.0.0.1, a != c;
	}
