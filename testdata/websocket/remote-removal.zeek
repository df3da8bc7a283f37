# Remote removal of an intel indicator (cmd/gobro/client_test.go): a trace
# with traffic to 192.0.2.80 on four days. Processing waits for the
# operator's subscriber; at the first hit on the address, gobro tells the
# subscriber (test/hits) and waits; the operator publishes
# Intel::remote_remove for it with gobro client; later traffic to the
# address is not matched any more, while the domain still is.
@load base/protocols/conn
@load base/protocols/dns
@load base/protocols/http
@load base/frameworks/intel
@load frameworks/intel/seen
@load frameworks/intel/remote_delete

const ws_port = 0/tcp &redef;

redef Intel::read_files += { "remote-removal.dat" };

global hit: event(indicator: string, ts: time);

global clients = 0;
global told = F;

event zeek_init()
	{
	Cluster::listen_websocket([$listen_addr=127.0.0.1, $listen_port=ws_port]);
	suspend_processing();
	}

event Cluster::websocket_client_added(endpoint: Cluster::EndpointInfo, subscriptions: string_vec)
	{
	# The first client is the operator's subscriber: start reading.
	if ( ++clients == 1 )
		continue_processing();
	}

event Intel::match(s: Intel::Seen, items: set[Intel::Item])
	{
	if ( told || s$indicator != "192.0.2.80" )
		return;
	told = T;
	print "hit", s$indicator, network_time();
	Broker::publish("test/hits", hit, s$indicator, network_time());
	suspend_processing();
	}

event Intel::remote_remove(indicator: string, indicator_type: string) &priority=-10
	{
	print "removed", indicator, indicator_type, network_time();
	continue_processing();
	}
