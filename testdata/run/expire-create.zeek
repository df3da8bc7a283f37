# &create_expire: entries go at the first sweep (every
# table_expire_interval) after creation + timeout; writes and reads do not
# refresh them. 
# Without packets Zeek waits on wall-clock time for timers only with
# exit_only_after_terminate; gobro jumps from one due timer to the next.
redef exit_only_after_terminate = T;

event stop() { terminate(); }
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
	schedule 5.6 secs { stop() };
	}
