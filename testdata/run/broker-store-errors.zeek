global h: opaque of Broker::Store;

function indirect(): Broker::QueryResult
	{
	return Broker::get(h, "k");
	}

global go: event();

event zeek_init()
	{
	# Errors during zeek_init are fatal: show them in a later event.
	schedule 1msec { go() };
	}

event go()
	{
	h = Broker::create_master("errs");
	print Broker::put(h, "k", 1);
	# A value with no Broker form.
	local f = function(): count { return 1; };
	print Broker::put(h, f, 1);
	print Broker::put(h, "k", f);
	# A query outside of a when condition.
	print Broker::get(h, "k");
	# Through a function, in a when without a timeout.
	when ( local r = indirect() )
		print "no timeout", r;
	print Broker::close(h), Broker::is_closed(h), Broker::close(h);
	print Broker::put(h, "k", 2);
	when ( local r2 = Broker::get(h, "k") )
		print "closed", r2;
	timeout 1sec
		{
		print "timeout";
		}
	}
