# what this covers: enum_names on an enum type (set, printed sorted).
function scmp(a: string, b: string): int
	{
	return strcmp(a, b);
	}

type Color: enum { Red, Green, Blue };

event zeek_init()
	{
	local names = enum_names(Color);
	local v: vector of string;
	for ( n in names )
		v += n;
	sort(v, scmp);
	print |names|, v;
	print enum_to_int(Red), enum_to_int(Blue);
	}
