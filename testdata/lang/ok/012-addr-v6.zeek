# what this covers: IPv6 address literals in brackets incl. loopback and v4-mapped forms
event zeek_init()
	{
	local a = [::1];
	local b = [2001:db8::1];
	local c = [::ffff:1.2.3.4];
	local d = [fe80::1:2:3:4];
	local e: addr = [2001:0db8:0000:0000:0000:ff00:0042:8329];
	local f = [::];
	print a, b, c, d, e, f;
	print is_v6_addr(b), is_v4_addr(10.1.1.1);
	}
