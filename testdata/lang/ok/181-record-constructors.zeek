# what this covers: named record constructors, anonymous [$a=..] coerced by context, record($a=..)
type R: record {
	a: count;
	b: string &optional;
};

function take(r: R): count
	{
	return r$a;
	}

event zeek_init()
	{
	local r1 = R($a=1, $b="x");
	local r2: R = [$a=2];
	local r3 = record($a=3, $b="z");
	print r1, r2, r3$a;
	print take([$a=4]);
	r1 = [$a=5, $b="y"];
	print r1$a;
	}
