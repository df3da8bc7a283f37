# Sets indexed by records: constructor elements, membership, iteration.
type R: record { a: count; b: string &default="x"; };

event zeek_init()
	{
	local s: set[R] = { [$a=1], [$a=2, $b="y"] };
	print |s|, [$a=1] in s, [$a=1, $b="x"] in s, [$a=3] in s;
	for ( r in s )
		print r;
	}
