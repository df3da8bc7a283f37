# redef record adds fields to a type: records made from it (even by
# global initialisers that ran earlier in load order) have the new fields,
# unset or at their default.
type R: record { a: count; };

global g = R($a = 1);

redef record R += { b: string &optional; c: count &default = 7; };

event zeek_init()
	{
	print g;
	g$b = "set later";
	print g, g$c;
	local l = R($a = 2, $b = "x");
	print l;
	}
