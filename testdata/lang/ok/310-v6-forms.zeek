# what this covers: IPv6 literal forms: full 8-group form, link-local and default-route subnets
event zeek_init()
	{
	local b = [1:2:3:4:5:6:7:8];
	local c = [fe80::]/10;
	local d = [::]/0;
	print b, c, d;
	print [fe80::abcd] in c, b in d;
	}
