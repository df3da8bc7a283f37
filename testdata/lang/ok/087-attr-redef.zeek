# what this covers: &redef on constants, globals, tables and record types
const c1 = 1 &redef;
global g1: set[count] = set() &redef;
type Ext: record {
	a: count;
} &redef;

redef c1 = 2;
redef g1 += { 5 };
redef record Ext += { b: count &optional; };

event zeek_init()
	{
	print c1, |g1|, Ext($a=1);
	}
