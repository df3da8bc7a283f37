# &expire_func: called with the table and the index when an entry is
# due; 0 secs lets it go, a positive interval postpones it by that much.
# Without packets Zeek waits on wall-clock time for timers only with
# exit_only_after_terminate; gobro jumps from one due timer to the next.
redef exit_only_after_terminate = T;

event stop() { terminate(); }
redef table_expire_interval = 1 sec;

global start: time;
global calls: table[string] of count &default=0;

function keep_once(t: table[string] of count, k: string): interval
	{
	++calls[k];
	print fmt("expire_func(%s) +%s call %d", k, network_time() - start, calls[k]);
	if ( k == "sticky" && calls[k] == 1 )
		return 3 secs;
	return 0 secs;
	}

global t: table[string] of count &create_expire=1.5 secs &expire_func=keep_once;

function multi(t: table[string, count] of string, a: string, b: count): interval
	{
	print fmt("multi expire_func(%s, %d)", a, b);
	return 0 secs;
	}

global m: table[string, count] of string &create_expire=1.5 secs &expire_func=multi;

event check(tag: string)
	{
	print tag, network_time() - start, t, m;
	}

event zeek_init()
	{
	start = network_time();
	t["plain"] = 1;
	t["sticky"] = 2;
	m["x", 7] = "seven";
	schedule 3.5 secs { check("3.5s") };
	schedule 7.5 secs { check("7.5s") };
	schedule 7.6 secs { stop() };
	}
