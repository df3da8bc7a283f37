##! The cluster framework: the node table, this node's role, the standard
##! topics and the events nodes exchange. A run without CLUSTER_NODE in the
##! environment is standalone: is_enabled() is F and every cluster function
##! degrades to what a single process needs.

@load base/frameworks/broker

module Cluster;

export {
	## Roles of cluster nodes.
	type NodeType: enum {
		NONE,		##< Not part of a cluster.
		CONTROL,	##< An external controller (e.g. zeekctl).
		LOGGER,		##< Writes the cluster's logs.
		MANAGER,	##< Central coordination.
		PROXY,		##< Holds distributed state.
		WORKER,		##< Analyses traffic.
		TIME_MACHINE,	##< Bro 2.x only; never used.
	};

	## One node of the cluster.
	type Node: record {
		node_type: NodeType;	##< The node's role.
		ip: addr;	##< Where it listens.
		zone_id: string &default="";	##< IPv6 zone of `ip`.
		p: port &default=0/unknown;	##< Port it listens on.
		interface: string &optional;	##< Capture interface (workers).
		manager: string &optional;	##< Name of its manager.
		id: string &optional;	##< Broker endpoint id, once connected.
		metrics_port: port &optional;	##< Telemetry port.
	};

	## The cluster's nodes by name (written by the cluster layout script).
	const nodes: table[string] of Node = {} &redef;

	## This node's name (from the CLUSTER_NODE environment variable).
	const node = getenv("CLUSTER_NODE") &redef;

	## Topic prefixes of the standard subscriptions.
	const broadcast_topic = "zeek/cluster/broadcast" &redef;
	const logger_topic = "zeek/cluster/logger" &redef;
	const manager_topic = "zeek/cluster/manager" &redef;
	const proxy_topic = "zeek/cluster/proxy" &redef;
	const worker_topic = "zeek/cluster/worker" &redef;
	const time_machine_topic = "zeek/cluster/time_machine" &redef;
	const node_topic_prefix = "zeek/cluster/node/" &redef;
	const nodeid_topic_prefix = "zeek/cluster/nodeid/" &redef;

	## Time between reconnection attempts to other nodes.
	const retry_interval = 1min &redef;

	## Whether this run is part of a cluster.
	global is_enabled: function(): bool;
	## This node's role (NONE when standalone or not in `nodes`).
	global local_node_type: function(): NodeType;
	## The topic that reaches one node by name.
	global node_topic: function(name: string): string;
	## The topic that reaches one node by Broker id.
	global nodeid_topic: function(id: string): string;
	## Writes a message to the cluster log (reporter when standalone).
	global log: function(msg: string);

	## Raised when another node connects.
	global node_up: event(name: string, id: string);
	## Raised when another node goes away.
	global node_down: event(name: string, id: string);
	## Sent by each node to introduce itself to a new peer.
	global hello: event(name: string, id: string);

	## Default maximum of events a WebSocket client may have waiting.
	const default_websocket_max_event_queue_size = 32 &redef;
	## Default interval of WebSocket pings; a client that does not
	## answer one within it is dropped. 0secs sends none.
	const default_websocket_ping_interval = 5sec &redef;

	## TLS settings of a WebSocket server. With enable_peer_verification,
	## clients must present a certificate signed by ca_file (mutual TLS).
	type WebSocketTLSOptions: record {
		cert_file: string &optional;
		key_file: string &optional;
		enable_peer_verification: bool &default=F;
		ca_file: string &default="";
		ciphers: string &default="";
	};

	## Options of Cluster::listen_websocket.
	type WebSocketServerOptions: record {
		## Address to listen on (default 127.0.0.1: loopback only).
		listen_addr: addr &optional;
		## Host to listen on, the older spelling of listen_addr.
		listen_host: string &optional;
		## Port to listen on.
		listen_port: port;
		max_event_queue_size: count &default=default_websocket_max_event_queue_size;
		ping_interval: interval &default=default_websocket_ping_interval;
		tls_options: WebSocketTLSOptions &default=WebSocketTLSOptions();
		## gobro: when set, clients must send the HTTP header
		## "Authorization: Bearer <auth_token>" to connect.
		auth_token: string &optional;
	};

	## Where a WebSocket client connects from.
	type NetworkInfo: record {
		address: string;
		bound_port: port;
	};

	## A WebSocket client.
	type EndpointInfo: record {
		id: string;
		network: NetworkInfo;
		application_name: string &optional;
	};

	## Starts serving Zeek's WebSocket API (JSON v1) on
	## ws://listen_addr:listen_port/v1/messages/json; F when it cannot
	## listen (the reason goes to the reporter).
	global listen_websocket: function(options: WebSocketServerOptions): bool;

	## Raised when a WebSocket client has finished its handshake.
	global websocket_client_added: event(endpoint: EndpointInfo, subscriptions: string_vec);
	## Raised when a WebSocket client is gone, with the close code and
	## reason it sent (or the server's).
	global websocket_client_lost: event(endpoint: EndpointInfo, code: count, reason: string);

	## An event and its arguments, as built by Cluster::make_event.
	type Event: record {
		ev: any;
		args: vector of any;
	};
}

function is_enabled(): bool
	{
	return node != "";
	}

# A single return expression, so that "@if ( Cluster::local_node_type() ==
# Cluster::MANAGER )" can be evaluated while scripts load.
function local_node_type(): NodeType
	{
	return is_enabled() && node in nodes ? nodes[node]$node_type : NONE;
	}

function node_topic(name: string): string
	{
	return node_topic_prefix + name + "/";
	}

function nodeid_topic(id: string): string
	{
	return nodeid_topic_prefix + id + "/";
	}

function listen_websocket(options: WebSocketServerOptions): bool
	{
	return Cluster::__listen_websocket(options);
	}

function log(msg: string)
	{
	if ( is_enabled() )
		Reporter::info(fmt("cluster: %s: %s", node, msg));
	}

event zeek_init() &priority=-10
	{
	if ( ! is_enabled() )
		return;

	# Subscribe to what concerns this node.
	Broker::subscribe(broadcast_topic);
	Broker::subscribe(node_topic(node));
	Broker::subscribe(nodeid_topic(Broker::node_id()));

	switch ( local_node_type() ) {
	case MANAGER:
		Broker::subscribe(manager_topic);
		break;
	case LOGGER:
		Broker::subscribe(logger_topic);
		break;
	case PROXY:
		Broker::subscribe(proxy_topic);
		break;
	case WORKER:
		Broker::subscribe(worker_topic);
		break;
	default:
		break;
	}
	}
