# Local types inferred from initialisers: an unsigned literal is count, a
# signed one int, a dotted one double; interval and port literals too.
event zeek_init()
	{
	local a = 0;
	local b = +0;
	local c = 0.0;
	local d = 2 min;
	local e = 22/tcp;
	local f = "s";
	local g = T;
	print type_name(a), type_name(b), type_name(c), type_name(d), type_name(e), type_name(f), type_name(g);
	print a, b, c, d, e, f, g;
	}
