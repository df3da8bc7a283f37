# Store handles: attaching twice gives the open store, close, is_closed,
# store_name; a clone without a master never answers (the when times
# out); a master that cannot be created is closed from the start.
global go: event();

event zeek_init()
	{
	# Errors during zeek_init are fatal: show them in a later event.
	schedule 1msec { go() };
	}

event go()
	{
	local a = Broker::create_master("h");
	Broker::put(a, "k", "v");
	local b = Broker::create_master("h");
	print a, b, Broker::store_name(b), Broker::is_closed(b);
	when [b] ( local r = Broker::get(b, "k") )
		print "closed before the answer came", r$status;
	timeout 1sec
		{ print "timeout"; }

	local c = Broker::create_clone("cloned");
	print Broker::is_closed(c), Broker::put(c, "k", 1);
	when [c] ( local r2 = Broker::get(c, "k") )
		print "clone answered", r2;
	timeout 10msec
		{ print "clone: no answer"; }

	local bad = Broker::create_master("bad", Broker::SQLITE,
	    Broker::BackendOptions($sqlite=Broker::SQLiteOptions($path="/dev/null/x/bad.sqlite")));
	print Broker::is_closed(bad), Broker::store_name(bad);

	print Broker::close(a), Broker::is_closed(a), Broker::is_closed(b);
	local d = Broker::create_master("h");
	print Broker::is_closed(d);
	when [d] ( local r3 = Broker::exists(d, "k") )
		print "reopened memory store is empty", r3$result as bool;
	timeout 1sec
		{ print "timeout"; }
	}
