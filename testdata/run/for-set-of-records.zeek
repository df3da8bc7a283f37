# what this covers: iterating a set of records yields record values that
# can be read field by field.
type P: record { host: addr; port_: port; };
event zeek_init()
	{
	local s: set[P] = set();
	add s[P($host=1.2.3.4, $port_=80/tcp)];
	add s[P($host=5.6.7.8, $port_=53/udp)];
	add s[P($host=1.2.3.4, $port_=80/tcp)];
	print |s|;
	for ( p in s )
		print p$host, p$port_;
	}
