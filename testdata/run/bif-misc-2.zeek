# what this covers: type_name on values of many types.
type R: record { a: count; };

event zeek_init()
	{
	print type_name(1), type_name(-1), type_name(1.0), type_name("s");
	print type_name(T), type_name(1.2.3.4), type_name(10.0.0.0/8), type_name(80/tcp);
	print type_name(1 sec), type_name(double_to_time(0.0)), type_name(/x/);
	print type_name(vector(1)), type_name(set("a")), type_name(R($a=1));
	local t: table[string] of count;
	print type_name(t);
	}
