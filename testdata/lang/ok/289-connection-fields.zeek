# what this covers: reading fields of the built-in connection record in an event handler
event connection_established(c: connection)
	{
	print c$id$orig_h, c$id$orig_p, c$id$resp_h, c$id$resp_p;
	print c$start_time, c$duration, c$orig$size, c$resp$state;
	print c$uid, |c$service|;
	}
