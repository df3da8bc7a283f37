# what this covers: vectors of records print field by field and share the
# record values with other holders.
type R: record { n: count; s: string &optional; };
event zeek_init()
	{
	local r = R($n=1);
	local v = vector(r, R($n=2, $s="two"));
	r$n = 10;
	print v;
	print v[0]$n, v[1]$s;
	}
