# copy() of scalar values returns the same value (strings, addrs, ports,
# patterns, intervals...).
event zeek_init()
	{
	local s = "abc";
	local c = copy(s);
	s = "changed";
	print c;
	print copy(1.2.3.4), copy(80/tcp), copy(10.0.0.0/8), copy(3 min), copy(/ab+/) == "abbb";
	}
