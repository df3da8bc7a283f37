# what this covers: an any prints as the value it holds; `is` and `as`
# recover the real type.
type R: record { a: count; };
function show(x: any)
	{
	print x, x is count, x is string, x is R;
	}
event zeek_init()
	{
	show(1);
	show("two");
	show(3.5);
	show(R($a=4));
	show(vector(1, 2));
	local a: any = 10;
	print (a as count) + 1;
	}
