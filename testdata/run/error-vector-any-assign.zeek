# A vector of string seen as a vector of any: storing an element of
# another type is a run-time error naming the value, the expression and
# the script call stack; the handler ends, the next one runs.
module Q;

type myrec: record {
	a: bool &default=T;
	b: string &default="hi";
	c: string &optional;
};

function fill(vals: table[count] of any, ret: vector of any)
	{
	for ( j in vals )
		ret[j] = vals[j];
	}

function bar(c: count)
	{
	local rval: vector of string = vector();
	local t: table[count] of any = { [0] = "hello", [1] = "goodbye", [2] = myrec(), [3] = 3 };
	fill(t, rval);
	print rval;
	}

function foo(s: string, c: count)
	{
	bar(c + 42);
	}

event zeek_init()
	{
	foo("hi", 13);
	print "not reached";
	}

event zeek_init()
	{
	local ok: vector of string = vector();
	fill(table([0] = "x"), ok);
	print ok;
	}
