# Bad handles and values with no Broker form (a store handle has none),
# for every store function (API.md §2): a builtin error naming the
# argument, and F or a FAILURE result. Queries inside a when with a
# timeout answer FAILURE at once, so the when's body runs.
global h: opaque of Broker::Store;
global bad: opaque of Broker::Store;

global modifiers: event();
global queries: event();
global closed: event();

event zeek_init()
	{
	# Errors during zeek_init are fatal: show them in later events.
	schedule 1msec { modifiers() };
	schedule 2msec { queries() };
	schedule 3msec { closed() };
	}

event modifiers()
	{
	h = Broker::create_master("args");
	print "key", Broker::put(h, h, 1), Broker::erase(h, h), Broker::pop(h, h);
	print "value", Broker::put(h, "k", h), Broker::push(h, "k", h);
	print "amount", Broker::increment(h, "k", h), Broker::decrement(h, "k", h);
	print "index", Broker::insert_into_set(h, "k", h), Broker::remove_from(h, "k", h),
	      Broker::insert_into_table(h, "k", h, 1);
	print "table value", Broker::insert_into_table(h, "k", 1, h);
	print "append key", Broker::append(h, h, "s");
	}

event queries()
	{
	when ( local r1 = Broker::exists(h, h) )
		print "exists", r1;
	timeout 1sec
		{ print "timeout"; }
	when ( local r2 = Broker::put_unique(h, "k", h) )
		print "put_unique", r2;
	timeout 1sec
		{ print "timeout"; }
	when ( local r3 = Broker::get_index_from_value(h, "k", h) )
		print "get_index_from_value", r3;
	timeout 1sec
		{ print "timeout"; }
	when ( local r4 = Broker::keys(h) )
		print "keys before close", r4;
	timeout 1sec
		{ print "timeout"; }
	}

event closed()
	{
	# A handle that never opened, and a closed one.
	bad = Broker::create_master("never", Broker::SQLITE,
	    Broker::BackendOptions($sqlite=Broker::SQLiteOptions($path="/dev/null/x/never.sqlite")));
	print "never opened", Broker::put(bad, "k", 1), Broker::increment(bad, "k"),
	      Broker::close(bad), Broker::store_name(bad);
	Broker::close(h);
	print "closed", Broker::erase(h, "k"), Broker::clear(h), Broker::pop(h, "k"),
	      Broker::insert_into_table(h, "k", 1, 2), Broker::append(h, "k", "s");
	when ( local r1 = Broker::keys(h) )
		print "keys", r1;
	timeout 1sec
		{ print "timeout"; }
	when ( local r2 = Broker::put_unique(h, "k", 1) )
		print "put_unique", r2;
	timeout 1sec
		{ print "timeout"; }
	when ( local r3 = Broker::exists(bad, "k") )
		print "exists", r3;
	timeout 1sec
		{ print "timeout"; }
	}
