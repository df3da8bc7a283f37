# copy() of a vector of records copies the records; plain assignment of
# an element shares the record.
type R: record { n: count; };

event zeek_init()
	{
	local v = vector(R($n = 1), R($n = 2));
	local c = copy(v);
	local e = v[0];
	e$n = 100;
	print v[0]$n, c[0]$n;
	c[1]$n = 200;
	print v[1]$n, c[1]$n;
	}
