# Casting an any holding a count (or a record) to string is an invalid
# cast: the message names both types.
type R: record { a: addr; b: port; };

event zeek_done() &priority=1
	{
	local a: any = 5;
	print a as string;
	}

event zeek_done()
	{
	local a: any = R($a = 1.2.3.4, $b = 1947/tcp);
	print a is R, a is string;
	print a as string;
	}
