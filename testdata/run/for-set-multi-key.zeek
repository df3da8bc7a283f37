# Iterating a set with three index columns binds each column.
event zeek_init()
	{
	local s: set[addr, port, string] = set() &ordered;
	add s[10.0.0.1, 80/tcp, "http"];
	add s[[2001:db8::1], 53/udp, "dns"];
	for ( [a, p, n] in s )
		print a, p, n, a in 10.0.0.0/8;
	}
