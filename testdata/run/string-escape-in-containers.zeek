# Strings inside records, vectors and sets are neither quoted nor
# differently escaped when printed.
type R: record { s: string; };

event zeek_init()
	{
	print R($s = "a\x01b");
	print vector("x y", "tab\t");
	print set("\xfe");
	}
