# what this covers: `is` tests the dynamic type of an any holding a
# container, including element and index types.
event zeek_init()
	{
	local a: any = set("x");
	print a is set[string], a is set[count], a is vector of string;
	a = vector(1, 2);
	print a is vector of count, a is vector of int;
	a = table([1] = "one");
	print a is table[count] of string, a is table[count] of count, a is set[count];
	local s = set(1);
	print s is set[count];
	}
