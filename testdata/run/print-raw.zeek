# print_raw writes raw renderings, no separators, no newline.
type R: record {
	a: count;
	b: string;
};

event zeek_init()
	{
	print_raw("a", 1, "b", 2.5, T);
	print_raw("\n");
	print_raw("tab\there", "\n");
	print_raw([$a=1, $b="x"], " ", set(1, 2), " ", vector("p", "q"), "\n");
	print_raw(1.2.3.4, " ", 80/tcp, " ", 10.0.0.0/8, " ", 3 secs, "\n");
	print "then print";
	}
