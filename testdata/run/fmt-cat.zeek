# fmt verbs, widths and precision; cat and cat_sep render raw.
event zeek_init()
	{
	print fmt("%s-%d-%x", "a", 42, 255);
	print fmt("*%-10s*", "test"), fmt("*%10s*", T);
	print fmt("*%010d*", 128), fmt("*%-10d*", -128);
	print fmt("%e", 3.1e+2), fmt("%f", 3.1e+2), fmt("%g", 3.1e+2), fmt("%.3e", 3.1e+2);
	print fmt("*%10.2f*", 3.14159265);
	print fmt("%s", 1.5), fmt("%s", 10.0.0.1), fmt("%s", 80/tcp), fmt("%%");
	print fmt("%x", 127.0.0.1);
	print cat("foo", 3, T), cat("", 3, T);
	print cat_sep("|", "<empty>", "", 3, T);
	print fmt("%s", vector(1, 2, 3));
	}
