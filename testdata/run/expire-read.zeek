# &read_expire: reads (index and "in") and writes refresh the entry.
# Without packets Zeek waits on wall-clock time for timers only with
# exit_only_after_terminate; gobro jumps from one due timer to the next.
redef exit_only_after_terminate = T;

event stop() { terminate(); }
redef table_expire_interval = 1 sec;

global r: table[count] of string &read_expire=2.5 secs;
global s: set[string] &read_expire=2.5 secs;
global start: time;

event check(tag: string)
	{
	print tag, network_time() - start, r, s;
	}

event read_one()
	{
	print r[1], "x" in s;
	}

event write_two()
	{
	r[2] = "two again";
	}

event zeek_init()
	{
	start = network_time();
	r[1] = "one";
	r[2] = "two";
	r[3] = "three";
	add s["x"];
	add s["y"];
	schedule 2 secs { read_one() };
	schedule 2 secs { write_two() };
	schedule 4 secs { check("4s") };
	schedule 6 secs { check("6s") };
	schedule 6.1 secs { stop() };
	}
