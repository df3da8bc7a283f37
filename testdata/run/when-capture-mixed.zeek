# One when capturing the same kind of value both ways: the shallow one
# sees the later change, the deep copy does not; a scalar capture keeps
# the value it had when the when statement ran.
type R: record { n: count; };
global go = F;

event flip() { go = T; }

event zeek_init()
	{
	local a = R($n = 1);
	local b = R($n = 1);
	local k = 10;
	when [a, copy b, k] ( go )
		print a$n, b$n, k;
	a$n = 2;
	b$n = 2;
	k = 20;
	event flip();
	}
