##! Broker data stores managed by the cluster framework. A script asks for a
##! store by name with Cluster::create_store; entries redef'd into
##! Cluster::stores beforehand choose its backend and options. Standalone,
##! the store is always a local master.

@load base/frameworks/broker
@load ./main

module Cluster;

export {
	## Node that holds the masters of stores that do not name one ("" = the
	## manager).
	const default_master_node = "" &redef;
	## Backend of stores that are not persistent.
	const default_backend = Broker::MEMORY &redef;
	## Backend of stores created with persistent=T.
	const default_persistent_backend = Broker::SQLITE &redef;
	## Directory for SQLite stores that do not give a path ("" = the
	## current directory, file <store name>.sqlite).
	const default_store_dir = "" &redef;

	## How a store is set up, and its handle once created.
	type StoreInfo: record {
		## The store's name (set by create_store).
		name: string &optional;
		## The handle (set by create_store).
		store: opaque of Broker::Store &optional;
		## Node holding the master.
		master_node: string &default=default_master_node;
		## Whether this node holds the master.
		master: bool &default=F;
		## Backend of the master.
		backend: Broker::BackendType &default=default_backend;
		## Backend options of the master.
		options: Broker::BackendOptions &default=Broker::BackendOptions();
		## Clone settings.
		clone_resync_interval: interval &default=Broker::default_clone_resync_interval;
		clone_stale_interval: interval &default=Broker::default_clone_stale_interval;
		clone_mutation_buffer_interval: interval &default=Broker::default_clone_mutation_buffer_interval;
	};

	## Stores by name. Redef entries here to configure a store before it is
	## created; unknown names get a default StoreInfo.
	global stores: table[string] of StoreInfo &default=StoreInfo() &redef;

	## Creates (or returns) the store `name`: a master where this node is
	## its master node (always, when standalone), a clone elsewhere.
	## persistent=T upgrades a MEMORY backend to default_persistent_backend.
	global create_store: function(name: string, persistent: bool &default=F): StoreInfo;
}

function create_store(name: string, persistent: bool): StoreInfo
	{
	local info = stores[name];
	info$name = name;

	# Place SQLite files under default_store_dir unless a path was given.
	if ( default_store_dir != "" )
		{
		local base = default_store_dir + "/" + name;

		if ( info$options$sqlite$path == "" )
			info$options$sqlite$path = base + ".sqlite";

		if ( info$options$rocksdb$path == "" )
			info$options$rocksdb$path = base + ".rocksdb";
		}

	if ( persistent && info$backend == Broker::MEMORY )
		info$backend = default_persistent_backend;

	if ( ! is_enabled() )
		{
		if ( info?$store )
			{
			Reporter::warning(fmt("duplicate cluster store creation for %s", name));
			return info;
			}

		info$store = Broker::create_master(name, info$backend, info$options);
		info$master = T;
		stores[name] = info;
		return info;
		}

	# In a cluster: find the node that holds the master.
	if ( info$master_node == "" )
		{
		for ( node_name, n in nodes )
			{
			if ( n$node_type == MANAGER )
				{
				info$master_node = node_name;
				break;
				}
			}

		if ( info$master_node == "" )
			{
			Reporter::fatal(fmt("cluster store %s: no master node and no manager", name));
			return info;
			}
		}
	else if ( info$master_node !in nodes )
		{
		Reporter::fatal(fmt("cluster store %s: unknown master node %s", name, info$master_node));
		return info;
		}

	if ( info$master_node == node )
		{
		info$store = Broker::create_master(name, info$backend, info$options);
		info$master = T;
		Cluster::log(fmt("created master store: %s", name));
		}
	else
		{
		info$store = Broker::create_clone(name, info$clone_resync_interval,
		                                  info$clone_stale_interval,
		                                  info$clone_mutation_buffer_interval);
		info$master = F;
		Cluster::log(fmt("created clone store: %s", name));
		}

	stores[name] = info;
	return info;
	}
