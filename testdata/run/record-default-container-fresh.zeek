# A container field with &default gets a fresh container per record: two
# records do not share their default set.
type R: record { s: set[count] &default = set(); v: vector of string &default = vector(); };

event zeek_init()
	{
	local a = R();
	local b = R();
	add a$s[1];
	a$v += "x";
	print |a$s|, |b$s|, |a$v|, |b$v|;
	}
