# what this covers: a record variable declared without a value starts as
# an empty record of its type (with its &default fields), as in Zeek, so
# fields can be assigned at once; locals get a fresh one each time
type R: record {
	a: count &optional;
	b: string &default="dflt";
	s: set[string] &default=set();
};

global g: R;

function f(x: count): R
	{
	local r: R;
	r$a = x;
	add r$s[cat(x)];
	return r;
	}

event zeek_init()
	{
	g$a = 1;
	print g;
	print f(2);
	print f(3);
	}
