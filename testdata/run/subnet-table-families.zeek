# Addresses are compared in their IPv6 form: an IPv4 address is inside
# ::/0 and ::ffff:0:0/96, and the longest containing key wins.
event zeek_init()
	{
	local s: set[subnet] = { [::]/0 };
	print 10.0.0.1 in s, [2001:db8::1] in s;
	local t: table[subnet] of string = { [[::]/0] = "any", [10.0.0.0/8] = "ten" };
	print t[10.1.2.3], t[192.168.0.1], t[[2001:db8::1]];
	local v6only: set[subnet] = { [2001:db8::]/32 };
	print 10.0.0.1 in v6only;
	}
