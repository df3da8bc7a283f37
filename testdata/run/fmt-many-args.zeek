# fmt and cat take any number of arguments of mixed types.
event zeek_init()
	{
	print fmt("%s %s %s %s %s %s %s %s %s %s %s", 1, -2, 3.5, "four", T, 6/tcp, 7.7.7.7, 8.0.0.0/8, 9 sec, vector(10), /11/);
	print cat(1, -2, 3.5, "four", T, 6/tcp, 7.7.7.7, 8.0.0.0/8, 9 sec, vector(10));
	print cat_sep(", ", "-", 1, "", 2, "", 3);
	}
