# what this covers: an anonymous record constructor is coerced to the
# declared type; fields not given take their defaults or stay unset.
type R: record { a: count; b: string &default="bee"; c: double &optional; };
global g: R = [$a=1];
event zeek_init()
	{
	local r: R = [$a=2, $c=1.5];
	print g;
	print r;
	}
