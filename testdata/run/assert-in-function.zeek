# A failed assert inside a function aborts the calling handler too.
function check(n: count)
	{
	assert n < 10, fmt("%d too big", n);
	print "ok", n;
	}

event zeek_done()
	{
	check(1);
	check(20);
	print "not reached";
	}
