# &create_expire: entries go at the first sweep (every
# table_expire_interval) after creation + timeout; writes and reads do not
# refresh them. Network time advances to each scheduled event.
redef table_expire_interval = 1 sec;

global t: table[string] of count &create_expire=2.5 secs;
global start: time;

event check(tag: string)
	{
	print tag, network_time() - start, t;
	}

event touch()
	{
	t["a"] = 10;	# a write does not refresh a create expiry
	print t["a"];
	t["b"] = 2;
	}

event zeek_init()
	{
	start = network_time();
	t["a"] = 1;
	schedule 1 sec { touch() };
	schedule 2 secs { check("2s") };
	schedule 3.5 secs { check("3.5s") };
	schedule 5.5 secs { check("5.5s") };
	}
