# gobro client subscribe (cmd/gobro/client_test.go): each client that
# connects gets two events, then the run ends.
redef exit_only_after_terminate = T;

const ws_port = 0/tcp &redef;

global notice: event(msg: string, n: count, a: addr, ports: set[port]);

event zeek_init()
	{
	Cluster::listen_websocket([$listen_addr=127.0.0.1, $listen_port=ws_port]);
	}

event Cluster::websocket_client_added(endpoint: Cluster::EndpointInfo, subscriptions: string_vec)
	{
	Broker::publish("zeek/notices/scan", notice, "port scan", 42, 10.0.0.9, set(22/tcp, 80/tcp));
	Broker::publish("zeek/other", notice, "not for this client", 0, 10.0.0.1, set(1/icmp));
	Broker::publish("zeek/notices/bye", notice, "done", 1, [2001:db8::1], set(53/udp));
	terminate();
	}
