# A hook call used as a statement runs every handler until a break; its
# result is discarded. Arguments are shared with every handler.
type R: record { n: count; };
global h: hook(r: R);

hook h(r: R) &priority=2 { r$n += 1; }
hook h(r: R) &priority=1 { r$n = r$n * 10; break; }
hook h(r: R) { r$n = 0; }

event zeek_init()
	{
	local r = R($n = 1);
	hook h(r);
	print r$n;
	}
