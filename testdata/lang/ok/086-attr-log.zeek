# what this covers: &log on individual fields and on the whole record type
type A: record {
	x: count &log;
	y: string &log &optional;
	z: bool;
};

type B: record {
	p: port;
	q: addr;
} &log;

event zeek_init()
	{
	print A($x=1, $z=T), B($p=1/tcp, $q=1.1.1.1);
	}
