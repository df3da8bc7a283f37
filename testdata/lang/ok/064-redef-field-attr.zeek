# what this covers: field attribute redef: redef record R$field += { &log } and -= { &log }
type Rec: record {
	a: count &log;
	b: string &optional;
};

redef record Rec$b += { &log };
redef record Rec$a -= { &log };

event zeek_init()
	{
	print Rec($a=1, $b="x");
	}
