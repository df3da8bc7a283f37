# what this covers: &expire_func returning an interval to postpone expiry
function expire_it(t: table[addr] of count, a: addr): interval
	{
	print "expiring", a;
	return t[a] > 10 ? 5 min : 0 secs;
	}

global tracker: table[addr] of count &create_expire=1 min &expire_func=expire_it;

event zeek_init()
	{
	tracker[10.0.0.1] = 20;
	tracker[10.0.0.2] = 1;
	print |tracker|;
	}
