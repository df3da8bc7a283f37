##! Broker: peering with other Zeek/gobro nodes and publishing events to
##! topics. In a standalone run nothing is peered and publishing is a no-op
##! apart from local subscribers.

module Broker;

export {
	## Port used when listening or peering without one.
	const default_port = 9999/tcp &redef;
	## Address used when listening without one ("" = all interfaces).
	const default_listen_address = getenv("ZEEK_DEFAULT_LISTEN_ADDRESS") &redef;
	## Wait between retries of a failed listen.
	const default_listen_retry = 30sec &redef;
	## Wait between retries of a failed peering.
	const default_connect_retry = 1sec &redef;
	## Peer without TLS.
	const disable_ssl = F &redef;
	## TLS settings.
	const ssl_cafile = "" &redef;
	const ssl_capath = "" &redef;
	const ssl_certificate = "" &redef;
	const ssl_passphrase = "" &redef;
	const ssl_keyfile = "" &redef;
	## Threads used by Broker.
	const max_threads = 1 &redef;
	## Forward messages between peers.
	const forward_messages = F &redef;
	## Topic prefix for log messages.
	const default_log_topic_prefix = "zeek/logs/" &redef;
	## Topic a log record is published on.
	const default_log_topic = function(id: Log::ID, path: string): string
		{
		return default_log_topic_prefix + path;
		} &redef;

	## Broker error codes.
	type ErrorCode: enum {
		NO_ERROR,
		UNSPECIFIED,
		PEER_INCOMPATIBLE,
		PEER_INVALID,
		PEER_UNAVAILABLE,
		PEER_DISCONNECT_DURING_HANDSHAKE,
		PEER_TIMEOUT,
		MASTER_EXISTS,
		NO_SUCH_MASTER,
		NO_SUCH_KEY,
		REQUEST_TIMEOUT,
		TYPE_CLASH,
		INVALID_DATA,
		BACKEND_FAILURE,
		STALE_DATA,
		CANNOT_OPEN_FILE,
		CANNOT_WRITE_FILE,
		INVALID_TOPIC_KEY,
		END_OF_FILE,
		INVALID_TAG,
		INVALID_STATUS,
		CAF_ERROR,
	};

	## State of a peering.
	type PeerStatus: enum {
		INITIALIZING,
		CONNECTING,
		CONNECTED,
		PEERED,
		DISCONNECTED,
		RECONNECTING,
	};

	## A network endpoint.
	type NetworkInfo: record {
		address: string &log;
		bound_port: port &log;
	};

	## A Broker endpoint.
	type EndpointInfo: record {
		id: string;
		network: NetworkInfo &optional;
	};

	## One peer and the state of the peering.
	type PeerInfo: record {
		peer: EndpointInfo;
		status: PeerStatus;
		is_outbound: bool &default=F;
	};
	type PeerInfos: vector of PeerInfo;

	## Raised when a peering is established.
	global peer_added: event(endpoint: EndpointInfo, msg: string);
	## Raised when a peering is removed on purpose.
	global peer_removed: event(endpoint: EndpointInfo, msg: string);
	## Raised when a peer goes away.
	global peer_lost: event(endpoint: EndpointInfo, msg: string);
	## Raised for other status changes.
	global status: event(endpoint: EndpointInfo, msg: string);
	## Raised for Broker errors.
	global error: event(code: ErrorCode, msg: string);
	## Raised when listening or peering finally succeeds after retries.
	global endpoint_discovered: event(endpoint: EndpointInfo, msg: string);
	global endpoint_unreachable: event(endpoint: EndpointInfo, msg: string);

	## Listens for peers; returns the bound port (0/unknown on failure).
	global listen: function(a: string &default=default_listen_address,
	                        p: port &default=default_port,
	                        retry: interval &default=default_listen_retry): port;
	## Port of the WebSocket API when listening without one (Zeek 5-7).
	const default_port_websocket = 9997/tcp &redef;
	## Address of the WebSocket API when listening without one.
	const default_listen_address_websocket = "127.0.0.1" &redef;

	## Serves Zeek's WebSocket API (JSON v1) on a/p, retrying every
	## `retry` when it cannot listen; returns the bound port (0/unknown
	## on failure). The Zeek 8 form is Cluster::listen_websocket.
	global listen_websocket: function(a: string &default=default_listen_address_websocket,
	                                  p: port &default=default_port_websocket,
	                                  retry: interval &default=default_listen_retry): port;
	## Peers with a remote endpoint, retrying every `retry`.
	global peer: function(a: string, p: port &default=default_port,
	                      retry: interval &default=default_connect_retry): bool;
	## Removes a peering.
	global unpeer: function(a: string, p: port): bool;
	## The current peers.
	global peers: function(): vector of PeerInfo;
	## This endpoint's id.
	global node_id: function(): string;
	## Flushes pending log messages; returns how many were sent.
	global flush_logs: function(): count;
	## Publishes the current value of a global identifier.
	global publish_id: function(topic: string, id: string): bool;
	## Subscribes to a topic prefix.
	global subscribe: function(topic_prefix: string): bool;
	## Forwards messages with a topic prefix to peers.
	global forward: function(topic_prefix: string): bool;
	## Removes a subscription.
	global unsubscribe: function(topic_prefix: string): bool;
	## Publishes an event to a topic automatically whenever it is raised
	## locally (Bro 2.6 API).
	global auto_publish: function(topic: string, ev: any): bool;
	## Stops auto-publishing an event.
	global auto_unpublish: function(topic: string, ev: any): bool;
}

# A listen that failed is retried by this event.
global retry_listen: event(a: string, p: port, retry: interval);

event retry_listen(a: string, p: port, retry: interval)
	{
	listen(a, p, retry);
	}

function listen(a: string, p: port, retry: interval): port
	{
	local bound = Broker::__listen(a, p);

	if ( bound == 0/unknown && retry != 0secs )
		schedule retry { retry_listen(a, p, retry) };

	return bound;
	}

global retry_listen_websocket: event(a: string, p: port, retry: interval);

event retry_listen_websocket(a: string, p: port, retry: interval)
	{
	listen_websocket(a, p, retry);
	}

function listen_websocket(a: string, p: port, retry: interval): port
	{
	local bound = Broker::__listen_websocket(a, p);

	if ( bound == 0/unknown && retry != 0secs )
		schedule retry { retry_listen_websocket(a, p, retry) };

	return bound;
	}

function peer(a: string, p: port, retry: interval): bool
	{
	return Broker::__peer(a, p, retry);
	}

function unpeer(a: string, p: port): bool
	{
	return Broker::__unpeer(a, p);
	}

function peers(): vector of PeerInfo
	{
	return Broker::__peers();
	}

function node_id(): string
	{
	return Broker::__node_id();
	}

function flush_logs(): count
	{
	return Broker::__flush_logs();
	}

function publish_id(topic: string, id: string): bool
	{
	return Broker::__publish_id(topic, id);
	}

function subscribe(topic_prefix: string): bool
	{
	return Broker::__subscribe(topic_prefix);
	}

function forward(topic_prefix: string): bool
	{
	return Broker::__forward(topic_prefix);
	}

function unsubscribe(topic_prefix: string): bool
	{
	return Broker::__unsubscribe(topic_prefix);
	}

function auto_publish(topic: string, ev: any): bool
	{
	return Broker::__auto_publish(topic, ev);
	}

function auto_unpublish(topic: string, ev: any): bool
	{
	return Broker::__auto_unpublish(topic, ev);
	}

module EventMetadata;

export {
	## Whether published events carry the network time as metadata
	## (key 1), as Zeek 8 adds it when this is set.
	const add_network_timestamp = F &redef;
}
