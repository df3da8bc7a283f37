# what this covers: record &default values are evaluated per instance, so
# aggregate defaults are not shared between records.
type R: record { s: set[count] &default=set(); n: count &default=5; };
event zeek_init()
	{
	local a = R();
	local b = R();
	add a$s[1];
	print |a$s|, |b$s|, a$n, b$n;
	b$n = 6;
	print a, b;
	}
