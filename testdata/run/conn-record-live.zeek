# @TEST-PCAP: sample.pcap
# A connection record reads what the tracker changes (endpoint sizes,
# states and packet counts, duration, history) when a script asks: a
# record kept in a global or carried by a scheduled event is current,
# copy() takes a snapshot, a record taken out of the connection reads
# what it read there, and a script's write over such a field lasts until
# the next event that carries the connection, as in Zeek.

global held: connection;
global snap: connection;
global have = F;

event later(c: connection)
	{
	print "later", c$orig$num_pkts, c$resp$num_pkts, c$history;
	}

event new_connection(c: connection)
	{
	if ( have || c$id$resp_p != 80/tcp )
		return;
	have = T;
	held = c;
	snap = copy(c);
	print "new", c$orig$num_pkts, c$orig$state, c$history, c$duration;
	schedule 100msec { later(c) };
	}

event connection_established(c: connection)
	{
	if ( c$uid != held$uid )
		return;
	print "established", c$orig$num_pkts, c$resp$state, c$history;
	c$resp$num_bytes_ip = 7;
	c$history = "written";
	print "written", c$resp$num_bytes_ip, c$history, held$resp$num_bytes_ip;
	# A record taken out of the connection still reads its own fields.
	local id = c$id;
	local resp = c$resp;
	c$id = [$orig_h=1.2.3.4, $orig_p=1/tcp, $resp_h=5.6.7.8, $resp_p=2/tcp];
	print "replaced", id$resp_p, resp$state, c$id$resp_p;
	c$id = id;
	}

event connection_state_remove(c: connection)
	{
	if ( c$uid != held$uid )
		return;
	print "remove", c$orig$num_pkts, c$orig$size, c$resp$size, c$resp$num_bytes_ip, c$history, c$duration == held$duration;
	print "held", held$orig$num_pkts, held$history;
	print "snapshot", snap$orig$num_pkts, snap$orig$state, snap$history, snap$duration;
	print snap$orig, snap$id;
	}
