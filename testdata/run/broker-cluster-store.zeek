# Cluster::create_store standalone, with stores that stay in memory: the
# path rules of default_store_dir, the persistent upgrade, an explicit
# Cluster::stores entry, and a duplicate creation.
@load base/frameworks/cluster

redef Cluster::default_store_dir = "/var/db/zeek";
redef Cluster::default_persistent_backend = Broker::MEMORY;

redef Cluster::stores += {
	["explicit"] = Cluster::StoreInfo($options=Broker::BackendOptions(
	    $sqlite=Broker::SQLiteOptions($path="mine.sqlite")))
};

event zeek_init()
	{
	local a = Cluster::create_store("site/a");
	print a$name, a$master, a$backend, a$options$sqlite$path, a$options$rocksdb$path;
	print Broker::store_name(a$store), Broker::is_closed(a$store);
	local b = Cluster::create_store("site/b", T);
	print b$name, b$backend;
	local c = Cluster::create_store("explicit");
	print c$options$sqlite$path;
	local again = Cluster::create_store("site/a");
	print again$store, "site/a" in Cluster::stores, Cluster::stores["site/a"]$master;
	}
