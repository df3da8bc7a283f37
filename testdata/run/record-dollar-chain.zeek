# $ chains through nested records read and assign the innermost field.
type C: record { v: count; };
type B: record { c: C; };
type A: record { b: B; };

event zeek_init()
	{
	local a = A($b = B($c = C($v = 1)));
	print a$b$c$v;
	a$b$c$v = 2;
	++a$b$c$v;
	a$b$c$v += 10;
	print a$b$c$v, a;
	}
