# Reporter::conn_weird, net_weird and flow_weird raise the conn_weird,
# net_weird and flow_weird events (name first, then the connection or
# endpoints, addl, source) when handled; nothing is printed on stderr.
# Sampling: the first Weird::sampling_threshold weirds of a name (per
# connection, per endpoint pair, overall for net weirds and names on the
# global list) are reported, then one in Weird::sampling_rate; whitelisted
# names always are.

redef Weird::sampling_threshold = 2;
redef Weird::sampling_rate = 3;
redef Weird::sampling_whitelist = { "always" };
redef Weird::sampling_global_list = { "global" };

event conn_weird(name: string, c: connection, addl: string, source: string)
	{
	print "conn_weird", name, c$uid, addl, source;
	}

# The prototype without source works too.
event net_weird(name: string, addl: string)
	{
	print "net_weird", name, addl;
	}

event flow_weird(name: string, src: addr, dst: addr, addl: string, source: string)
	{
	print "flow_weird", name, src, dst, addl, source;
	}

function conn(uid: string): connection
	{
	local id = conn_id($orig_h=10.0.0.1, $orig_p=1234/tcp, $resp_h=10.0.0.2, $resp_p=80/tcp);
	local e = endpoint($size=0, $state=0, $flow_label=0);
	return connection($id=id, $orig=e, $resp=e, $start_time=network_time(), $duration=0sec,
	                  $service=set(), $history="", $uid=uid);
	}

event zeek_init()
	{
	local c1 = conn("C1");
	local c2 = conn("C2");
	print Reporter::conn_weird("bad_thing", c1, "extra", "src");
	Reporter::conn_weird("bad_thing", c1);
	Reporter::conn_weird("bad_thing", c1);	# 3rd: over the threshold
	Reporter::conn_weird("bad_thing", c2);	# counts are per connection
	Reporter::conn_weird("bad_thing", c1);	# 4th
	Reporter::conn_weird("bad_thing", c1);	# 5th = threshold + rate: reported
	Reporter::conn_weird("always", c1);
	Reporter::conn_weird("always", c1);
	Reporter::conn_weird("always", c1);
	Reporter::conn_weird("global", c1);
	Reporter::conn_weird("global", c2);
	Reporter::conn_weird("global", c2);	# the global list counts across connections

	print Reporter::net_weird("net_thing", "a1");
	Reporter::net_weird("net_thing", "a2", "s2");
	Reporter::net_weird("net_thing", "a3");

	print Reporter::flow_weird("flow_thing", 1.2.3.4, 5.6.7.8, "f1", "fs");
	Reporter::flow_weird("flow_thing", 1.2.3.4, 5.6.7.8);
	Reporter::flow_weird("flow_thing", 1.2.3.4, 5.6.7.8);
	Reporter::flow_weird("flow_thing", 5.6.7.8, 1.2.3.4);	# another direction, other counts

	print Reporter::get_weird_sampling_threshold(), Reporter::get_weird_sampling_rate(),
	      Reporter::get_weird_sampling_duration(), Reporter::get_weird_sampling_whitelist();
	Reporter::set_weird_sampling_threshold(10);
	Reporter::net_weird("net_thing", "a4");
	print "done";
	}
