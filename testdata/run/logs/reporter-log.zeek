# Reporter messages reach reporter.log (message without prefix, location
# separate) as well as stderr. The policy hook, which narrows the any
# record of Log::PolicyHook to Reporter::Info, zeroes the timestamps.
@load base/frameworks/reporter

hook Reporter::log_policy(rec: Reporter::Info, id: Log::ID, filter: Log::Filter)
	{
	rec$ts = double_to_time(0.0);
	}

global t: table[count] of string = {};

event zeek_init()
	{
	Reporter::info("starting");
	Reporter::warning("a warning");
	}

event quiet()
	{
	print "quiet";
	print t[2];
	}

event zeek_done()
	{
	print t[3];
	}

event zeek_init() &priority=-10
	{
	schedule 1sec { quiet() };
	}

event zeek_done() &priority=10
	{
	Reporter::error("an error");
	}
