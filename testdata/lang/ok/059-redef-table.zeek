# what this covers: redef += and -= on &redef tables, with key/value initializer lists
const port_names: table[port] of string = {
	[22/tcp] = "ssh",
	[80/tcp] = "http",
} &redef;

redef port_names += { [443/tcp] = "https", [53/udp] = "dns" };
redef port_names -= { [80/tcp] = "http" };

event zeek_init()
	{
	print |port_names|, port_names[443/tcp];
	}
