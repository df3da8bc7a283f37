# Zeek fills a call's default arguments in at parse time, so run-time
# messages show them as if written.
function mk(n: count, fill: string &default="x"): vector of string
	{
	local v: vector of string;
	v[n] = fill;
	return v;
	}

event zeek_init()
	{
	print mk(1)[5];
	}

event zeek_init()
	{
	print mk(0, "y")[3];
	}
