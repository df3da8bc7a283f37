# what this covers: records as set and table indices
type Key: record {
	h: addr;
	p: port;
};

global seen: set[Key];
global hits: table[conn_id] of count &default=0;

event zeek_init()
	{
	add seen[Key($h=1.2.3.4, $p=80/tcp)];
	print Key($h=1.2.3.4, $p=80/tcp) in seen;
	local id: conn_id = [$orig_h=1.1.1.1, $orig_p=1/udp, $resp_h=2.2.2.2, $resp_p=53/udp];
	++hits[id];
	print hits[id];
	}
