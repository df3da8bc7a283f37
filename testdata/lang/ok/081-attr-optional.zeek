# what this covers: &optional record fields, ?$ presence test, delete r$f
type R: record {
	a: count;
	b: string &optional;
};

event zeek_init()
	{
	local r = R($a=1);
	print r?$b;
	r$b = "set";
	print r?$b, r$b;
	delete r$b;
	print r?$b;
	}
