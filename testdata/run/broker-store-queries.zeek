# Broker store queries: exists, put_unique, get_index_from_value, keys.
# Each answer comes at the next trigger pass, and sees every modifier
# made before the query.
global h: opaque of Broker::Store;

function index(k: any, i: any)
	{
	when [k, i] ( local r = Broker::get_index_from_value(h, k, i) )
		{
		print "index", k, i, r$status, r$result;
		}
	timeout 1sec
		{
		print "index", k, i, "timeout";
		}
	}

event zeek_init()
	{
	h = Broker::create_master("queries");
	Broker::put(h, "tbl", table(["a"] = 1, ["b"] = 2));
	Broker::put(h, "vec", vector("x", "y"));
	Broker::put(h, "set", set(1, 2));
	Broker::put(h, "str", "whole");

	when ( local e1 = Broker::exists(h, "tbl") )
		print "exists tbl", e1$status, e1$result as bool;
	timeout 1sec
		{ print "timeout"; }
	when ( local e2 = Broker::exists(h, "nope") )
		print "exists nope", e2$status, e2$result as bool;
	timeout 1sec
		{ print "timeout"; }

	when ( local p1 = Broker::put_unique(h, "u", 1) )
		print "put_unique new", p1$status, p1$result as bool;
	timeout 1sec
		{ print "timeout"; }
	when ( local p2 = Broker::put_unique(h, "u", 2) )
		print "put_unique again", p2$status, p2$result as bool;
	timeout 1sec
		{ print "timeout"; }
	when ( local g = Broker::get(h, "u") )
		print "u kept", g$result as count;
	timeout 1sec
		{ print "timeout"; }

	index("tbl", "b");
	index("tbl", "z");
	index("vec", 1);
	index("vec", +1);
	index("vec", 5);
	index("vec", -1);
	index("set", 2);
	index("set", 3);
	index("str", 0);
	index("nope", 0);

	when ( local k = Broker::keys(h) )
		print "keys", k$status, k$result;
	timeout 1sec
		{ print "timeout"; }

	Broker::clear(h);
	when ( local k2 = Broker::keys(h) )
		print "keys after clear", k2$result;
	timeout 1sec
		{ print "timeout"; }
	}
