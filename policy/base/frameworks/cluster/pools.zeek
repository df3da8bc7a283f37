##! Pools of cluster nodes that share work, e.g. the proxies. Events published
##! to a pool with Cluster::publish_hrw always reach the same node for the
##! same key; Cluster::publish_rr cycles through the nodes.

@load ./main

module Cluster;

export {
	## How a pool is made up.
	type PoolSpec: record {
		## Topic prefix of the pool.
		topic: string &default="";
		## Role of the member nodes.
		node_type: NodeType &default=PROXY;
		## Most nodes in the pool.
		max_nodes: count &optional;
		## Nodes in this pool join no other exclusive pool.
		exclusive: bool &default=F;
	};

	## One member of a pool.
	type PoolNode: record {
		name: string;	##< Node name.
		alias: string;	##< Name within the pool.
		site_id: count;	##< Weight key for rendezvous hashing.
		alive: bool &default=F;	##< Whether it is connected.
	};

	type PoolNodeTable: table[string] of PoolNode;
	type RoundRobinTable: table[string] of int;

	## A pool of nodes.
	type Pool: record {
		spec: PoolSpec &default=PoolSpec();
		nodes: PoolNodeTable &default=PoolNodeTable();
		node_list: vector of PoolNode &default=vector();
		rr_key_seq: RoundRobinTable &default=RoundRobinTable();
		alive_count: count &default=0;
	};

	## Spec of the default proxy pool.
	const proxy_pool_spec: PoolSpec = PoolSpec($topic="zeek/cluster/pool/proxy",
	                                           $node_type=PROXY) &redef;
	## Spec of the default worker pool.
	const worker_pool_spec: PoolSpec = PoolSpec($topic="zeek/cluster/pool/worker",
	                                            $node_type=WORKER) &redef;
	## Spec of the default logger pool.
	const logger_pool_spec: PoolSpec = PoolSpec($topic="zeek/cluster/pool/logger",
	                                            $node_type=LOGGER) &redef;

	## The default pools (empty in a standalone run).
	global proxy_pool: Pool;
	global worker_pool: Pool;
	global logger_pool: Pool;

	## Registers a pool; its members are filled in from `nodes`.
	global register_pool: function(spec: PoolSpec): Pool;
}

function register_pool(spec: PoolSpec): Pool
	{
	local pool = Pool($spec=spec);

	for ( name, n in nodes )
		{
		if ( n$node_type != spec$node_type )
			next;

		if ( spec?$max_nodes && |pool$node_list| >= spec$max_nodes )
			break;

		local pn = PoolNode($name=name, $alias=name, $site_id=fnv1a32(name));
		pool$nodes[name] = pn;
		pool$node_list += pn;
		}

	return pool;
	}

event zeek_init() &priority=-5
	{
	proxy_pool = register_pool(proxy_pool_spec);
	worker_pool = register_pool(worker_pool_spec);
	logger_pool = register_pool(logger_pool_spec);
	}
