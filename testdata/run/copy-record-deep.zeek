# copy() of a record is deep: nested records, sets and vectors are
# copied too; assignment shares everything.
type In: record { v: vector of count; };
type Out: record { i: In; s: set[string]; };

event zeek_init()
	{
	local a = Out($i = In($v = vector(1)), $s = set("x"));
	local shared = a;
	local deep = copy(a);
	a$i$v += 2;
	add a$s["y"];
	print shared$i$v, |shared$s|;
	print deep$i$v, |deep$s|;
	}
