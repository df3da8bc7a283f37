# Records: constructors, defaults, optional fields, ?$, delete, coercion.
type R: record {
	a: count;
	b: string &optional;
	c: count &default=5;
};

event zeek_init()
	{
	local r = R($a=1);
	print r$a, r?$b, r$c;
	r$b = "x";
	print r?$b, r$b;
	delete r$b;
	print r?$b;
	local q: R = [$a=2, $b="y"];
	print q$a, q$b, q$c;
	local alias = q;
	alias$a = 3;
	print q$a;
	}
