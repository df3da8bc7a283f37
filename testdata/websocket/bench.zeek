# The WebSocket benchmarks (runtime/engine/websocket_bench_test.go): events
# from one client into a handler, and from gobro out to one subscriber.
redef exit_only_after_terminate = T;

const ws_port = 0/tcp &redef;
# How many events each way.
const n_in = 0 &redef;
const n_out = 0 &redef;

global ping: event(n: count, s: string);
global tick: event(n: count, s: string);
global done: event(n: count);
global received = 0;

event zeek_init()
	{
	Broker::subscribe("bench/");
	Cluster::listen_websocket([$listen_addr=127.0.0.1, $listen_port=ws_port]);
	}

event ping(n: count, s: string)
	{
	if ( ++received == n_in )
		{
		Broker::publish("bench/done", done, received);
		terminate();
		}
	}

event Cluster::websocket_client_added(endpoint: Cluster::EndpointInfo, subscriptions: string_vec)
	{
	if ( n_out == 0 )
		return;
	local i = 0;
	while ( i < n_out )
		Broker::publish("bench/out", tick, ++i, "payload");
	}

event Cluster::websocket_client_lost(endpoint: Cluster::EndpointInfo, code: count, reason: string)
	{
	if ( n_out > 0 )
		terminate();
	}
