##! known_services.log: every server port on which a protocol was
##! confirmed, once per day per host, port and service.

@load base/frameworks/cluster
@load base/frameworks/analyzer
@load base/utils/directions-and-hosts

module Known;

export {
	redef enum Log::ID += { SERVICES_LOG };

	## Policy hook of known_services.log.
	global log_policy_services: Log::PolicyHook;

	## One known_services.log record.
	type ServicesInfo: record {
		## When the service was seen.
		ts: time &log;
		## The server.
		host: addr &log;
		## Its port.
		port_num: port &log;
		## The port's transport protocol.
		port_proto: transport_proto &log;
		## The protocols confirmed on the port.
		service: set[string] &log;
	};

	## Keep known services in a Broker store rather than in
	## Known::services.
	const use_service_store = F &redef;

	## Name of the store.
	const service_store_name = "zeek/known/services" &redef;

	## The store, once created.
	global service_store: Cluster::StoreInfo;

	## How long a service stays known in the store.
	const service_store_expiry = 1day &redef;

	## How long to wait for the store's answer before logging anyway.
	option service_store_timeout = 15sec;

	## Which servers are tracked.
	option service_tracking = LOCAL_HOSTS;

	## UDP services count only if the server answered.
	option service_udp_requires_response = T;

	## Services seen recently, by host and port.
	global services: table[addr, port] of set[string] &create_expire=1day &redef;

	## Raised with every known_services.log record.
	global log_known_services: event(rec: ServicesInfo);

	## Raised for each newly confirmed service.
	global service_found: event(info: ServicesInfo);
}

redef record connection += {
	## Services of the connection already handled.
	known_services_done: set[string] &optional;
};

event zeek_init() &priority=5
	{
	Log::create_stream(Known::SERVICES_LOG, [$columns=ServicesInfo, $ev=log_known_services,
	                                         $path="known_services",
	                                         $policy=log_policy_services]);
	}

event zeek_init()
	{
	if ( use_service_store )
		service_store = Cluster::create_store(service_store_name);
	}

event Known::service_found(info: ServicesInfo)
	{
	if ( ! use_service_store )
		return;

	local key = cat(info$host, "/", info$port_num, "/", join_string_set(info$service, ","));

	when [info, key] ( local r = Broker::put_unique(Known::service_store$store, key, T,
	                                                 Known::service_store_expiry) )
		{
		if ( r$status == Broker::SUCCESS )
			{
			if ( r$result as bool )
				Log::write(Known::SERVICES_LOG, info);
			}
		else
			Reporter::error(fmt("%s: data store put_unique failure",
			                    Known::service_store_name));
		}
	timeout Known::service_store_timeout
		{
		Log::write(Known::SERVICES_LOG, info);
		}
	}

event Known::service_found(info: ServicesInfo)
	{
	if ( use_service_store )
		return;

	local new_services: set[string] = set();

	if ( [info$host, info$port_num] !in Known::services )
		Known::services[info$host, info$port_num] = set();

	for ( s in info$service )
		{
		if ( s !in Known::services[info$host, info$port_num] )
			{
			add Known::services[info$host, info$port_num][s];
			add new_services[s];
			}
		}

	if ( |new_services| > 0 )
		{
		info$service = new_services;
		Log::write(Known::SERVICES_LOG, info);
		}
	}

# Whether the server side of a connection really answered.
function server_answered(c: connection): bool
	{
	switch ( get_port_transport_proto(c$id$resp_p) ) {
	case tcp:
		return c$resp$state == TCP_ESTABLISHED || c$resp$state == TCP_CLOSED;
	case udp:
		return ! service_udp_requires_response || c$resp$state == UDP_ACTIVE;
	default:
		return F;
	}
	}

# Reports the connection's confirmed services not reported yet.
function check_services(c: connection)
	{
	if ( ! addr_matches_host(c$id$resp_h, service_tracking) )
		return;

	if ( ! server_answered(c) )
		return;

	if ( ! c?$known_services_done )
		c$known_services_done = set();

	local fresh: set[string] = set();

	for ( s in c$service )
		{
		if ( s !in c$known_services_done )
			{
			add c$known_services_done[s];
			add fresh[s];
			}
		}

	if ( |fresh| == 0 )
		return;

	event Known::service_found(ServicesInfo($ts=network_time(), $host=c$id$resp_h,
	                                        $port_num=c$id$resp_p,
	                                        $port_proto=get_port_transport_proto(c$id$resp_p),
	                                        $service=fresh));
	}

event analyzer_confirmation_info(atype: AllAnalyzers::Tag, info: AnalyzerConfirmationInfo) &priority=-5
	{
	if ( info?$c )
		check_services(info$c);
	}

event connection_state_remove(c: connection) &priority=-5
	{
	check_services(c);
	}
