# Assigning a record shares it: a change through the second name shows
# through the first, for set and unset fields alike.
type R: record { a: count; b: string &optional; };

event zeek_init()
	{
	local x = R($a = 1);
	local y = x;
	y$a = 2;
	print x$a;
	print x?$b, y?$b;
	}
