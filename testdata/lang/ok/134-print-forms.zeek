# what this covers: print with one, several and mixed-type arguments
type R: record {
	a: count;
	b: string;
};

event zeek_init()
	{
	print "single";
	print 1, "two", 3.0, T, 1.2.3.4, 80/tcp;
	print R($a=1, $b="x");
	print vector(1, 2), set(3), table([4] = 5);
	print fmt("%s-%d", "x", 5), cat("a", 1, T);
	}
