# @TEST-PCAP: sample.pcap
# Connection built-ins while reading a trace: lookups by conn_id (either
# direction), the placeholder for an unknown id, transport protocols,
# inactivity timeouts, and Reporter::limit_reached_weird's addl and 'X'
# history letter.

event conn_weird(name: string, c: connection, addl: string, source: string)
	{
	print "conn_weird", name, addl, source, c$history;
	}

event new_connection(c: connection)
	{
	local id = c$id;
	local back: conn_id = [$orig_h=id$resp_h, $orig_p=id$resp_p, $resp_h=id$orig_h, $resp_p=id$orig_p];
	print "new", id$resp_p, connection_exists(id), connection_exists(back), lookup_connection(back)$uid == c$uid, get_conn_transport_proto(id);
	if ( id$resp_p == 80/tcp )
		{
		print set_inactivity_timeout(id, 10 secs), set_inactivity_timeout(id, 0 secs);
		Reporter::limit_reached_weird("test_weird_1", c, 10);
		Reporter::limit_reached_weird("test_weird_2", c, 10, 0, "source");
		Reporter::limit_reached_weird("test_weird_3", c, 10, 20);
		}
	}

event connection_state_remove(c: connection)
	{
	if ( c$id$resp_p == 80/tcp )
		print "removed", c$history;
	}

event network_time_init()
	{
	local nobody: conn_id = [$orig_h=1.2.3.4, $orig_p=1/tcp, $resp_h=5.6.7.8, $resp_p=2/tcp];
	print connection_exists(nobody);
	local c = lookup_connection(nobody);
	print c$id, c$history;
	print get_conn_transport_proto(nobody);
	}
