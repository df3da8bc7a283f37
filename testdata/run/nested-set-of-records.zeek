# A set of records: membership compares field by field; printing shows
# the record bracketed as the single index column.
type P: record { host: addr; port_: port; };

event zeek_init()
	{
	local s: set[P] = set();
	add s[P($host = 1.2.3.4, $port_ = 22/tcp)];
	add s[P($host = 1.2.3.4, $port_ = 22/tcp)];
	print |s|;
	print P($host = 1.2.3.4, $port_ = 22/tcp) in s;
	print P($host = 1.2.3.4, $port_ = 23/tcp) in s;
	print s;
	}
