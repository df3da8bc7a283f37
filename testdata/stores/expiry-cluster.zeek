##! Expiry as written to a SQLite store, and Cluster::create_store's
##! path rules for a persistent store under default_store_dir.
@load base/frameworks/cluster

redef Cluster::default_store_dir = "stores";

event zeek_init()
	{
	local info = Cluster::create_store("expiry", T);
	print info$backend, info$options$sqlite$path;
	local h = info$store;
	# network_time() is the wall clock here; the test only looks at
	# which rows have an expiry.
	Broker::put(h, "kept-expiry", 1, 1hr);
	Broker::put(h, "cleared", 1, 1hr);
	Broker::put(h, "cleared", 2);
	Broker::put(h, "incremented", 1, 1hr);
	Broker::increment(h, "incremented", 1);
	Broker::put(h, "gone", 1, -1sec);
	when [h] ( local r = Broker::exists(h, "gone") )
		print "gone exists", r$result as bool;
	timeout 1sec
		{ print "timeout"; }
	}
