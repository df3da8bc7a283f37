# A parked when over a global table is looked at again once events have
# been processed: it fires after the scheduled event that adds the key,
# before the next one (the run goes on until terminate(), so each timer
# is processed on its own).
redef exit_only_after_terminate = T;

global seen: table[string] of count;

event add_key(k: string)
	{
	print "adding", k;
	seen[k] = |seen|;
	}

event stop()
	{
	terminate();
	}

event zeek_init()
	{
	when ( "b" in seen )
		print "b is there", seen["b"];
	schedule 10 msec { add_key("a") };
	schedule 20 msec { add_key("b") };
	schedule 30 msec { add_key("c") };
	schedule 40 msec { stop() };
	}
