##! Tables bound to persistent stores, run twice over a trace: what the
##! first run put in them is there at the start of the second.
##! hosts and recent: &backend=Broker::SQLITE, stores
##! ___sync_store_<name> under Broker::table_store_db_directory; seen:
##! &broker_store, bound when Cluster::create_store makes it persistent.

redef Broker::table_store_db_directory = "tables";

global hosts: table[addr] of count &backend=Broker::SQLITE;
global recent: set[addr] &create_expire=1day &backend=Broker::SQLITE;
global seen: set[string] &broker_store="seen";

event zeek_init()
	{
	print "start", hosts, seen;
	Cluster::create_store("seen", T);
	print "seen once created", seen;
	}

event connection_established(c: connection)
	{
	local h = c$id$resp_h;
	hosts[h] = h in hosts ? hosts[h] + 1 : 1;
	add recent[c$id$orig_h];
	add seen[cat("run ", |seen|)];
	}

event zeek_done()
	{
	print "end", hosts, seen, recent;
	}
