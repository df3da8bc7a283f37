# what this covers: `addr in set[subnet]` is true when any member contains
# the address; `subnet in set[subnet]` is an exact match.
event zeek_init()
	{
	local nets = set(10.0.0.0/8, 192.168.1.0/24, [2001:db8::]/32);
	print 10.1.2.3 in nets, 192.168.1.77 in nets, 192.168.2.1 in nets;
	print [2001:db8::1] in nets, [2001:db9::1] in nets;
	print 10.0.0.0/8 in nets, 10.1.0.0/16 in nets, 11.0.0.1 !in nets;
	}
