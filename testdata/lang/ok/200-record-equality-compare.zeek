# what this covers: comparisons of enums, ports and addrs inside records; string comparisons of fields
type Ep: record {
	h: addr;
	p: port;
};

event zeek_init()
	{
	local a = Ep($h=1.1.1.1, $p=80/tcp);
	local b = Ep($h=1.1.1.1, $p=443/tcp);
	print a$h == b$h, a$p < b$p;
	print cat(a) == cat(a);
	}
