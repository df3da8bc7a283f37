# Unset optional fields print as <uninitialized>; fields with &default
# print their default; a set optional field prints its value.
type R: record {
	a: count;
	b: string &optional;
	c: port &default = 80/tcp;
	d: vector of count &optional;
};

event zeek_init()
	{
	local r = R($a = 1);
	print r;
	r$b = "x";
	r$d = vector(1);
	print r;
	}
