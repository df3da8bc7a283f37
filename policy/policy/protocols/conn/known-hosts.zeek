##! known_hosts.log: every host that completes a TCP handshake, once per
##! day. Hosts are remembered in a Broker store (the Bro 2.6 default, kept
##! here so that 2.6-era site scripts work unchanged) or in a plain set.

@load base/frameworks/cluster
@load base/utils/directions-and-hosts

module Known;

export {
	redef enum Log::ID += { HOSTS_LOG };

	## Policy hook of known_hosts.log.
	global log_policy_hosts: Log::PolicyHook;

	## One known_hosts.log record.
	type HostsInfo: record {
		## When the host was first seen (this period).
		ts: time &log;
		## The host.
		host: addr &log;
	};

	## Keep known hosts in a Broker store rather than in Known::hosts.
	## Bro 2.6 defaulted to T, current Zeek to F; gobro keeps the 2.6
	## default because 2.6-era scripts read the store back.
	const use_host_store = T &redef;

	## Make the store persistent (SQLite) even if Cluster::stores does not
	## configure it.
	const enable_hosts_persistence = F &redef;

	## Name of the store. In Bro-compat mode it is Bro 2.6's
	## "bro/known/hosts", otherwise current Zeek's "zeek/known/hosts".
	## gobro runs in Bro-compat mode when a script from outside the
	## bundled tree is a .bro file (a Bro 2.x site script such as
	## local.bro), or when a script handles bro_init, bro_done or
	## bro_script_loaded (gobro_bro_compat() tells). So a Bro 2.6 site
	## script's "redef Cluster::stores += { [Known::host_store_name] = ... }"
	## configures bro/known/hosts, as it did under Bro. Redefining the
	## name overrides the rule; and if the name is left at
	## "zeek/known/hosts" while Cluster::stores has an entry for
	## "bro/known/hosts", that store is used.
	const host_store_name = gobro_bro_compat() ? "bro/known/hosts" : "zeek/known/hosts" &redef;

	## The store, once created (Bro 2.6 name).
	global host_store: Cluster::StoreInfo;

	## The store, once created (current Zeek name; the same record).
	global host_broker_store: Cluster::StoreInfo;

	## How long a host stays known in the store.
	const host_store_expiry = 1day &redef;

	## How long to wait for the store's answer before logging anyway.
	option host_store_timeout = 15sec;

	## Which hosts are tracked.
	option host_tracking = LOCAL_HOSTS;

	## Hosts seen recently, when the store is not used.
	global hosts: set[addr] &create_expire=1day &redef;

	## Raised with every known_hosts.log record.
	global log_known_hosts: event(rec: HostsInfo);

	## Raised for each tracked host of an established connection.
	global host_found: event(info: HostsInfo);

	## Cluster: asks the proxy responsible for a host to record it.
	global add_host: event(info: HostsInfo);
}

event zeek_init() &priority=5
	{
	Log::create_stream(Known::HOSTS_LOG, [$columns=HostsInfo, $ev=log_known_hosts,
	                                      $path="known_hosts", $policy=log_policy_hosts]);
	}

event zeek_init()
	{
	if ( ! use_host_store )
		return;

	local name = host_store_name;

	if ( name == "zeek/known/hosts" && "bro/known/hosts" in Cluster::stores )
		name = "bro/known/hosts";

	host_store = Cluster::create_store(name, enable_hosts_persistence);
	host_broker_store = host_store;
	}

event Known::host_found(info: HostsInfo)
	{
	if ( ! use_host_store )
		return;

	when [info] ( local r = Broker::put_unique(Known::host_store$store, info$host,
	                                            T, Known::host_store_expiry) )
		{
		if ( r$status == Broker::SUCCESS )
			{
			# T: the host was not in the store yet.
			if ( r$result as bool )
				Log::write(Known::HOSTS_LOG, info);
			}
		else
			Reporter::error(fmt("%s: data store put_unique failure",
			                    Known::host_store$name));
		}
	timeout Known::host_store_timeout
		{
		# No answer: better to log a host twice than not at all.
		Log::write(Known::HOSTS_LOG, info);
		}
	}

event Known::add_host(info: HostsInfo)
	{
	if ( info$host in Known::hosts )
		return;

	add Known::hosts[info$host];
	Log::write(Known::HOSTS_LOG, info);
	}

event Known::host_found(info: HostsInfo)
	{
	if ( use_host_store )
		return;

	if ( info$host in Known::hosts )
		return;

	if ( Cluster::is_enabled() )
		Cluster::publish_hrw(Cluster::proxy_pool, info$host, Known::add_host, info);
	else
		event Known::add_host(info);
	}

event connection_established(c: connection) &priority=5
	{
	if ( c$orig$state != TCP_ESTABLISHED || c$resp$state != TCP_ESTABLISHED )
		return;

	for ( host in set(c$id$orig_h, c$id$resp_h) )
		if ( addr_matches_host(host, host_tracking) )
			event Known::host_found(HostsInfo($ts=network_time(), $host=host));
	}
