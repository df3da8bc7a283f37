# &write_expire: writes refresh the entry, reads do not.
# Without packets Zeek waits on wall-clock time for timers only with
# exit_only_after_terminate; gobro jumps from one due timer to the next.
redef exit_only_after_terminate = T;

event stop() { terminate(); }
redef table_expire_interval = 1 sec;

global w: table[string] of count &write_expire=2.5 secs &default=0;
global start: time;

event check(tag: string)
	{
	print tag, network_time() - start, w;
	}

event step()
	{
	print w["read"], "read" in w;	# reads: no refresh
	w["written"] += 1;		# a write: refreshed
	}

event zeek_init()
	{
	start = network_time();
	w["read"] = 1;
	w["written"] = 1;
	schedule 2 secs { step() };
	schedule 4 secs { check("4s") };
	schedule 6 secs { check("6s") };
	schedule 6.1 secs { stop() };
	}
