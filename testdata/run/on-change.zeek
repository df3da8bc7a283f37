# &on_change: called after an insert, change, delete or expiry with the
# table, a TableChange, the index and (tables only) the new value on
# insert, else the old value. Changes made inside it are not reported.
# Without packets Zeek waits on wall-clock time for timers only with
# exit_only_after_terminate; gobro jumps from one due timer to the next.
redef exit_only_after_terminate = T;

event stop() { terminate(); }
redef table_expire_interval = 1 sec;

global start: time;

function tchange(t: table[string] of count, tpe: TableChange, idx: string, val: count)
	{
	print "table", tpe, idx, val, t;
	if ( idx == "b" && tpe == TABLE_ELEMENT_NEW )
		t["from-handler"] = 99;	# not reported
	}

function schange(s: set[count, string], tpe: TableChange, a: count, b: string)
	{
	print fmt("set %s %s %s", tpe, a, b);
	}

global t: table[string] of count &on_change=tchange &create_expire=2.5 secs;
global s: set[count, string] &on_change=schange;

event done()
	{
	print network_time() - start, t;
	}

event zeek_init()
	{
	start = network_time();
	t["a"] = 1;
	t["a"] = 2;
	t["b"] = 3;
	delete t["b"];
	delete t["nope"];	# not there: nothing reported
	add s[1, "x"];
	add s[2, "y"];
	delete s[1, "x"];
	s += set([3, "z"]);
	schedule 4 secs { done() };
	schedule 4.1 secs { stop() };
	}
