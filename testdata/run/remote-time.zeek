# Without packets: is_remote_event() is F; network_time() follows the
# wall clock (here: it stands at each timer's due time as the run waits
# for them); current_time() is the wall clock.
# Without packets Zeek waits on wall-clock time for timers only with
# exit_only_after_terminate; gobro jumps from one due timer to the next.
redef exit_only_after_terminate = T;

event stop() { terminate(); }
global start: time;

event tick(n: count)
	{
	print n, is_remote_event(), network_time() - start;
	}

event zeek_init()
	{
	start = network_time();
	print is_remote_event();
	print network_time() > double_to_time(1600000000.0), current_time() >= network_time();
	schedule 3 secs { tick(3) };
	schedule 1 sec { tick(1) };
	schedule 2 secs { tick(2) };
	schedule 3.5 secs { stop() };
	}

event zeek_done()
	{
	print "done", network_time() - start;
	}
