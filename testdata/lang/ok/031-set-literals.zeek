# what this covers: set types, set() constructor, brace initializers, membership
global ports: set[port] = { 22/tcp, 80/tcp, 443/tcp };

event zeek_init()
	{
	local s = set(1, 2, 3);
	local t: set[string] = set("a", "b");
	local u: set[addr] = { 10.0.0.1, 10.0.0.2 };
	print |s|, |t|, |u|, |ports|;
	print 2 in s, "c" in t, 22/tcp in ports;
	}
