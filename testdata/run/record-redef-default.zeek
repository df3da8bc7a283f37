# what this covers: a record value made before `redef record` added a
# &default field prints and reads that default; an &optional one is
# uninitialized.
type R: record { a: count; };
global early: R = [$a=1];
redef record R += { b: string &default="dflt"; c: count &optional; };
event zeek_init()
	{
	print early;
	print early$b, early?$c;
	local late = R($a=2);
	print late;
	}
