# what this covers: `delete r$f` unsets an optional field; `?$` sees it.
type R: record { a: count &optional; b: count &default=2; };
event zeek_init()
	{
	local r = R($a=1);
	print r, r?$a;
	delete r$a;
	print r, r?$a;
	r$a = 5;
	print r;
	}
