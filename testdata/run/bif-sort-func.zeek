# sort and order with a comparison function: the function returns <0, 0
# or >0; sort works in place and returns the vector; order returns the
# indices in sorted order. Without a function, numeric vectors sort as
# before. Complaints are errors of the call (after zeek_init, so the run
# goes on).

type Pair: record {
	name: string;
	n: count;
};

function by_len(a: string, b: string): int
	{
	return |a| < |b| ? -1 : (|a| > |b| ? 1 : 0);
	}

function desc(a: count, b: count): int
	{
	return a > b ? -1 : (a < b ? 1 : 0);
	}

event zeek_init()
	{
	local s = vector("ccc", "a", "bb", "dddd", "e");
	print sort(s, by_len);
	print s;	# sorted in place; equal elements keep their order

	local c = vector(3, 1, 4, 1, 5, 9, 2, 6);
	print order(c, desc);
	print sort(c, desc);
	print sort(vector(3, 1, 2));	# no function: numeric order

	local ps = vector(Pair($name="x", $n=2), Pair($name="y", $n=1), Pair($name="z", $n=3));
	sort(ps, function(a: Pair, b: Pair): int { return a$n < b$n ? -1 : (a$n > b$n ? 1 : 0); });
	for ( i in ps )
		print ps[i]$name;
	print order(ps, function(a: Pair, b: Pair): int { return a$name < b$name ? 1 : -1; });

	# A closure capturing a local.
	local pivot = 4;
	print sort(vector(1, 7, 4, 2, 9), function[pivot](a: count, b: count): int {
		local da = a > pivot ? a - pivot : pivot - a;
		local db = b > pivot ? b - pivot : pivot - b;
		return da < db ? -1 : (da > db ? 1 : 0);
	});

	local empty: vector of string = vector();
	print sort(empty, by_len), order(empty, by_len);
	}

event bad()
	{
	local v = vector("b", "a");
	print sort(v, desc);	# parameter types do not match the elements
	print order(v, 5);
	print sort(v);	# strings need a function
	}

event zeek_init()
	{
	schedule 1 sec { bad() };
	}

event bad2()
	{
	print sort(1);	# not a vector
	print order(vector(1, 2), desc, desc);
	}

event zeek_init()
	{
	schedule 2 sec { bad2() };
	}
