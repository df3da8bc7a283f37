# what this covers: connection_state_remove handler, conn_id as table key
global bytes: table[conn_id] of count;

event connection_state_remove(c: connection)
	{
	bytes[c$id] = c$orig$size + c$resp$size;
	if ( c$id$resp_p == 80/tcp )
		print "web connection", bytes[c$id];
	}
