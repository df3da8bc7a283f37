# what this covers: assigning a field that redef added after the record
# was made works and prints.
type R: record { a: count; };
global r: R = [$a=1];
redef record R += { extra: string &optional; };
event zeek_init()
	{
	print r;
	r$extra = "hi";
	print r, r?$extra;
	}
