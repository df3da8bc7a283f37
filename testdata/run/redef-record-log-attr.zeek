# redef record fields can carry &log and &default; the field order is
# declaration order followed by redef order.
type R: record { a: count &log; };
redef record R += { z: count &log &default = 26; };
redef record R += { m: string &optional &log; };

event zeek_init()
	{
	print R($a = 1);
	print record_fields(R)["z"]$log;
	}
