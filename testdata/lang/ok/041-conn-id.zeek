# what this covers: built-in record types conn_id and constructing them
event zeek_init()
	{
	local id: conn_id = [$orig_h=10.0.0.1, $orig_p=1234/tcp, $resp_h=10.0.0.2, $resp_p=80/tcp];
	print id$orig_h, id$resp_p;
	local id2 = conn_id($orig_h=1.1.1.1, $orig_p=53/udp, $resp_h=8.8.8.8, $resp_p=53/udp);
	print id2;
	}
