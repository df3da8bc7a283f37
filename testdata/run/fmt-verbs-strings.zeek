# fmt %s renders any value in raw mode; width pads with spaces and is a
# minimum; left-justify with -.
event zeek_init()
	{
	print fmt("*%10s*", 192.168.0.0/16);
	print fmt("*%-8s*%8s*", "ab", "cd");
	print fmt("%s|%s|%s", 1.0, 2 hrs, /x/);
	print fmt("%s %s", T, F);
	print fmt("no args"), fmt("%%d"), fmt("");
	}
