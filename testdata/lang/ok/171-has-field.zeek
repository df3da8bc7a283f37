# what this covers: ?$ on optional fields, on defaulted and mandatory fields, on nested records
type R: record {
	a: count;
	b: string &optional;
	c: bool &default=T;
};

event zeek_init()
	{
	local r = R($a=1);
	print r?$a, r?$b, r?$c;
	r$b = "x";
	print r?$b;
	local conn_rec: conn_id = [$orig_h=1.1.1.1, $orig_p=1/tcp, $resp_h=2.2.2.2, $resp_p=2/tcp];
	print conn_rec?$orig_h;
	}
