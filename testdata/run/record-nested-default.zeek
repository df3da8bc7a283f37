# what this covers: a record field of record type with &default gets a
# fresh default per instance.
type Inner: record { n: count &default=0; };
type Outer: record { i: Inner &default=Inner(); };
event zeek_init()
	{
	local a = Outer();
	local b = Outer();
	a$i$n = 5;
	print a, b;
	}
