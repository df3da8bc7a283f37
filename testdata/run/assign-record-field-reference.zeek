# A record held in a field is shared by assignment: two records can hold
# the same inner record, and a change through one shows in the other.
type In: record { n: count; };
type Out: record { i: In; };

event zeek_init()
	{
	local inner = In($n = 1);
	local a = Out($i = inner);
	local b = Out($i = inner);
	a$i$n = 7;
	print b$i$n, inner$n;
	b$i = In($n = 9);
	print a$i$n, b$i$n;
	}
