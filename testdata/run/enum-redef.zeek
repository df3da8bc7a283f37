# what this covers: `redef enum` adds values after the existing ones.
type E: enum { A, B };
redef enum E += { C, D };
event zeek_init()
	{
	print A, D, |C|, |D|, C > B;
	}
