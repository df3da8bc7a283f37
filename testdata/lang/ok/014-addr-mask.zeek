# what this covers: addr / width yields a subnet (mask operator)
event zeek_init()
	{
	local a = 192.168.17.42;
	local n = a / 24;
	local w = 16;
	local m = a / w;
	local v6 = [2001:db8:1:2::7] / 64;
	print n, m, v6;
	print a in n;
	}
