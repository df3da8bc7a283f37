# Tables and sets bound to Broker stores: &backend makes the store
# ___sync_store_<global> at startup; &broker_store binds to the master the
# script creates, writing the set's earlier elements to it. Inserts,
# overwrites, deletes and clear_table go through to the store.
global t: table[string] of count &backend=Broker::MEMORY;
global s: set[string, count] &broker_store="myset";
global dump: event(h: opaque of Broker::Store, what: string);
global h: opaque of Broker::Store;

event zeek_init()
	{
	t["a"] = 1;
	t["b"] = 2;
	t["a"] = 3;
	delete t["b"];
	t["c"] = 4;
	add s["x", 1];
	add s["y", 2];
	h = Broker::create_master("myset");
	delete s["y", 2];
	add s["z", 3];
	s += set(["w", 4]);
	# The store made for t is an open master: create_master returns it.
	event dump(Broker::create_master("___sync_store_t"), "t");
	event dump(h, "s");
	}

event dump(st: opaque of Broker::Store, what: string)
	{
	when [st, what] ( local r = Broker::keys(st) )
		{
		if ( what == "s" )
			{
			print what, r$result as set[string, count];
			return;
			}
		for ( k in r$result as set[string] )
			{
			when [st, what, k] ( local v = Broker::get(st, k) )
				{
				print what, k, v$result as count;
				}
			timeout 1sec
				{
				print "no answer";
				}
			}
		}
	timeout 1sec
		{
		print "keys timed out";
		}
	}

event zeek_done()
	{
	clear_table(s);
	when ( local r = Broker::keys(h) )
		{
		print "after clear_table", |s|, Broker::set_size(r$result);
		}
	timeout 1sec
		{
		print "keys timed out";
		}
	}
