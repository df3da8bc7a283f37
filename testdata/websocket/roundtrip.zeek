# The WebSocket round trip (runtime/engine/websocket_test.go): a client
# subscribes to test/, gets hello with one argument of each type, and
# publishes ping with the same types, which a handler prints.
redef exit_only_after_terminate = T;

const ws_port = 0/tcp &redef;

type Pair: record {
	a: count;
	b: string &optional;
};

global hello: event(c: count, i: int, d: double, s: string, a: addr, sn: subnet,
                    p: port, t: time, iv: interval, b: bool, ss: set[string],
                    tb: table[string] of count, v: vector of count, r: Pair,
                    e: transport_proto);
global ping: event(c: count, i: int, d: double, s: string, a: addr, sn: subnet,
                   p: port, t: time, iv: interval, b: bool, ss: set[string],
                   tb: table[string] of count, v: vector of count, r: Pair,
                   e: transport_proto);

# Raised locally, published by auto_publish.
global auto_ev: event(n: count);

event zeek_init()
	{
	Broker::subscribe("test/");
	Broker::auto_publish("test/auto", auto_ev);
	if ( ! Cluster::listen_websocket([$listen_addr=127.0.0.1, $listen_port=ws_port]) )
		print "cannot listen";
	}

event Cluster::websocket_client_added(endpoint: Cluster::EndpointInfo, subscriptions: string_vec)
	{
	print "client added", subscriptions, endpoint$application_name, endpoint$network$address;
	Broker::publish("test/hello", hello, 3, -7, 1.5, "a\"b\n", 192.168.99.9, 10.0.0.0/8,
	                8080/tcp, double_to_time(1649574000.5), 1500msec, T, set("y", "x"),
	                table(["k"] = 1), vector(1, 2, 3), Pair($a=1), udp);
	event auto_ev(5);
	}

event auto_ev(n: count)
	{
	print "auto_ev", n;
	}

event ping(c: count, i: int, d: double, s: string, a: addr, sn: subnet, p: port, t: time,
           iv: interval, b: bool, ss: set[string], tb: table[string] of count,
           v: vector of count, r: Pair, e: transport_proto)
	{
	print "ping", c, i, d, s, a, sn, p, t, iv, b, ss, tb, v, r, e;
	terminate();
	}
