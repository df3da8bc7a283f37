##! known_services.log: every active server port (a TCP handshake answered,
##! or a UDP reply), with the protocols recognised on it, once per day per
##! host, port and service. A server whose protocol nobody recognised is
##! logged too, with an empty service name.

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

	## Name of the store. In Bro-compat mode it is Bro 2.6's
	## "bro/known/services", otherwise current Zeek's "zeek/known/services".
	## gobro runs in Bro-compat mode when a script from outside the
	## bundled tree is a .bro file (a Bro 2.x site script such as
	## local.bro), or when a script handles bro_init, bro_done or
	## bro_script_loaded (gobro_bro_compat() tells). So a Bro 2.6 site
	## script's "redef Cluster::stores += { [Known::service_store_name] = ... }"
	## configures bro/known/services, as it did under Bro. Redefining the
	## name overrides the rule; and if the name is left at
	## "zeek/known/services" while Cluster::stores has an entry for
	## "bro/known/services", that store is used.
	const service_store_name = gobro_bro_compat() ? "bro/known/services" : "zeek/known/services" &redef;

	## The store, once created.
	global service_store: Cluster::StoreInfo;

	## The store, once created (the same record, under the name current
	## Zeek's known-hosts uses for its own store).
	global service_broker_store: Cluster::StoreInfo;

	## A store key: one service on one port of one host.
	type AddrPortServTriplet: record {
		host: addr;
		p: port;
		serv: string;
	};

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

	## Raised for each server found, with the services seen on it.
	global service_found: event(info: ServicesInfo);
}

redef record connection += {
	## The connection's services were handled already.
	known_services_done: bool &default=F;
};

event zeek_init() &priority=5
	{
	Log::create_stream(Known::SERVICES_LOG, [$columns=ServicesInfo, $ev=log_known_services,
	                                         $path="known_services",
	                                         $policy=log_policy_services]);
	}

event zeek_init()
	{
	if ( ! use_service_store )
		return;

	local name = service_store_name;

	if ( name == "zeek/known/services" && "bro/known/services" in Cluster::stores )
		name = "bro/known/services";

	service_store = Cluster::create_store(name);
	service_broker_store = service_store;
	}

# Store mode: one store key per host, port and service, so a service is
# logged once per expiry period across the cluster.
event Known::service_found(info: ServicesInfo)
	{
	if ( ! use_service_store )
		return;

	for ( s in info$service )
		{
		local key = AddrPortServTriplet($host=info$host, $p=info$port_num, $serv=s);

		when [info, s, key] ( local r = Broker::put_unique(Known::service_store$store, key, T,
		                                                   Known::service_store_expiry) )
			{
			if ( r$status == Broker::SUCCESS )
				{
				if ( r$result as bool )
					{
					local one = copy(info);
					one$service = set(s);
					Log::write(Known::SERVICES_LOG, one);
					}
				}
			else
				Reporter::error(fmt("%s: data store put_unique failure",
				                    Known::service_store$name));
			}
		timeout Known::service_store_timeout
			{
			Log::write(Known::SERVICES_LOG, info);
			}
		}
	}

# Whether every service of info is known for its host and port already.
function all_known(info: ServicesInfo): bool
	{
	if ( [info$host, info$port_num] !in Known::services )
		return F;

	for ( s in info$service )
		if ( s !in Known::services[info$host, info$port_num] )
			return F;

	return T;
	}

# Table mode: log the services of info not known yet for the host and
# port, and remember them.
event Known::service_found(info: ServicesInfo)
	{
	if ( use_service_store || all_known(info) )
		return;

	if ( [info$host, info$port_num] !in Known::services )
		Known::services[info$host, info$port_num] = set();

	local fresh = ServicesInfo($ts=info$ts, $host=info$host, $port_num=info$port_num,
	                           $port_proto=info$port_proto, $service=set());

	for ( s in info$service )
		{
		if ( s !in Known::services[info$host, info$port_num] )
			{
			add Known::services[info$host, info$port_num][s];
			add fresh$service[s];
			}
		}

	Log::write(Known::SERVICES_LOG, fresh);
	}

# Whether the responder acts as a server: a TCP handshake answered (or a
# connection picked up midway with the server talking), or a UDP reply.
function server_active(c: connection): bool
	{
	switch ( get_port_transport_proto(c$id$resp_p) ) {
	case tcp:
		return c$resp$state == TCP_ESTABLISHED || c$resp$state == TCP_CLOSED ||
		       c$resp$state == TCP_PARTIAL || /h/ in c$history;
	case udp:
		return ! service_udp_requires_response || c$resp$state == UDP_ACTIVE;
	default:
		return F;
	}
	}

# Reports the connection's server and its services, once per connection.
function check_services(c: connection)
	{
	if ( ! addr_matches_host(c$id$resp_h, service_tracking) )
		return;

	if ( |c$service| == 1 )
		{
		# FTP data connections are not services; DNS needs an answer.
		if ( "ftp-data" in c$service )
			return;

		if ( "DNS" in c$service && c$resp$size == 0 )
			return;
		}

	# At confirmation time the server may not have answered yet: then
	# the connection's removal decides.
	if ( ! server_active(c) )
		return;

	c$known_services_done = T;

	local info = ServicesInfo($ts=network_time(), $host=c$id$resp_h,
	                          $port_num=c$id$resp_p,
	                          $port_proto=get_port_transport_proto(c$id$resp_p),
	                          $service=set());

	# A service withdrawn after a violation ("-HTTP") does not count.
	for ( s in c$service )
		if ( s[0] != "-" )
			add info$service[s];

	if ( |c$service| > 0 )
		{
		event Known::service_found(info);
		return;
		}

	# No protocol recognised: an empty name, logged a while later, in
	# case another connection names the service meanwhile.
	add info$service[""];
	schedule 5min { Known::service_found(info) };
	}

event analyzer_confirmation_info(atype: AllAnalyzers::Tag, info: AnalyzerConfirmationInfo) &priority=-5
	{
	if ( info?$c )
		check_services(info$c);
	}

event connection_state_remove(c: connection) &priority=-5
	{
	if ( ! c$known_services_done )
		check_services(c);
	}
