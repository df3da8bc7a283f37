##! conn.log: one record per connection, written when its state is removed.

@load base/frameworks/logging
@load base/utils/site

module Conn;

export {
	redef enum Log::ID += { LOG };

	## Policy hook of conn.log.
	global log_policy: Log::PolicyHook;

	## One conn.log record.
	type Info: record {
		## Time of the first packet.
		ts: time &log;
		## Unique id of the connection.
		uid: string &log;
		## The 5-tuple.
		id: conn_id &log;
		## Transport protocol.
		proto: transport_proto &log;
		## Protocols found (comma-separated, lower case).
		service: string &log &optional;
		## Time from the first to the last packet.
		duration: interval &log &optional;
		## Payload bytes sent by the originator.
		orig_bytes: count &log &optional;
		## Payload bytes sent by the responder.
		resp_bytes: count &log &optional;
		## Summary of the connection's state (S0, SF, REJ, ...).
		conn_state: string &log &optional;
		## Whether the originator is in Site::local_nets.
		local_orig: bool &log &optional;
		## Whether the responder is in Site::local_nets.
		local_resp: bool &log &optional;
		## Bytes missed in content gaps.
		missed_bytes: count &log &default=0;
		## State history (upper case: originator, lower case: responder).
		history: string &log &optional;
		## Packets sent by the originator.
		orig_pkts: count &log &optional;
		## IP-level bytes sent by the originator.
		orig_ip_bytes: count &log &optional;
		## Packets sent by the responder.
		resp_pkts: count &log &optional;
		## IP-level bytes sent by the responder.
		resp_ip_bytes: count &log &optional;
		## Uids of the tunnels the connection was carried in.
		tunnel_parents: set[string] &log &optional;
		## IP protocol number.
		ip_proto: count &log &optional;
	};

	## Raised with every conn.log record.
	global log_conn: event(rec: Info);

	## Fills c$conn from the connection; eoc is T at the end of the
	## connection, when sizes and state are final.
	global set_conn: function(c: connection, eoc: bool);
}

redef record connection += {
	## The connection's conn.log record.
	conn: Conn::Info &optional;
};

# The conn_state value for a connection's endpoint states.
function conn_state(c: connection, trans: transport_proto): string
	{
	local os = c$orig$state;
	local rs = c$resp$state;
	local o_inactive = os == TCP_INACTIVE || os == TCP_PARTIAL;
	local r_inactive = rs == TCP_INACTIVE || rs == TCP_PARTIAL;

	if ( trans == udp )
		{
		if ( os == UDP_ACTIVE )
			return rs == UDP_ACTIVE ? "SF" : "S0";

		return rs == UDP_ACTIVE ? "SHR" : "OTH";
		}

	if ( trans != tcp )
		return "OTH";

	if ( rs == TCP_RESET )
		{
		# A reset answering a SYN (or two resets without any data).
		if ( os == TCP_SYN_SENT || os == TCP_SYN_ACK_SENT ||
		     (os == TCP_RESET && c$orig$size == 0 && c$resp$size == 0) )
			return "REJ";

		return o_inactive ? "RSTRH" : "RSTR";
		}

	if ( os == TCP_RESET )
		{
		# The responder never spoke: a SYN then a reset is RSTOS0; a
		# reset without any handshake seen is just "other".
		if ( r_inactive )
			return /^\^?S[^HAFGIQ]*R/ in c$history ? "RSTOS0" : "OTH";

		return "RSTO";
		}

	if ( os == TCP_CLOSED && rs == TCP_CLOSED )
		return "SF";

	if ( os == TCP_CLOSED )
		return r_inactive ? "SH" : "S2";

	if ( rs == TCP_CLOSED )
		return o_inactive ? "SHR" : "S3";

	if ( os == TCP_SYN_SENT && rs == TCP_INACTIVE )
		return "S0";

	if ( os == TCP_ESTABLISHED && rs == TCP_ESTABLISHED )
		return "S1";

	return "OTH";
	}

function set_conn(c: connection, eoc: bool)
	{
	if ( ! c?$conn )
		c$conn = Info($ts=c$start_time, $uid=c$uid, $id=c$id,
		              $proto=get_port_transport_proto(c$id$resp_p));

	c$conn$id = c$id;

	if ( c$id$proto != UNKNOWN_IP_PROTO )
		c$conn$ip_proto = c$id$proto;

	if ( c?$tunnel && |c$tunnel| > 0 )
		{
		if ( ! c$conn?$tunnel_parents )
			c$conn$tunnel_parents = set();

		# The immediate parent: the innermost tunnel, as in Zeek.
		if ( c$tunnel[|c$tunnel| - 1]?$uid )
			add c$conn$tunnel_parents[c$tunnel[|c$tunnel| - 1]$uid];
		}

	if ( |c$service| > 0 )
		c$conn$service = to_lower(join_string_set(c$service, ","));

	if ( |Site::local_nets| > 0 )
		{
		c$conn$local_orig = Site::is_local_addr(c$id$orig_h);
		c$conn$local_resp = Site::is_local_addr(c$id$resp_h);
		}

	if ( ! eoc )
		return;

	if ( c$duration > 0secs )
		{
		c$conn$duration = c$duration;
		c$conn$orig_bytes = c$orig$size;
		c$conn$resp_bytes = c$resp$size;
		}

	if ( c$orig?$num_pkts )
		{
		c$conn$orig_pkts = c$orig$num_pkts;
		c$conn$orig_ip_bytes = c$orig$num_bytes_ip;
		}

	if ( c$resp?$num_pkts )
		{
		c$conn$resp_pkts = c$resp$num_pkts;
		c$conn$resp_ip_bytes = c$resp$num_bytes_ip;
		}

	c$conn$conn_state = conn_state(c, get_port_transport_proto(c$id$resp_p));

	if ( c$history != "" )
		c$conn$history = c$history;
	}

event zeek_init() &priority=5
	{
	Log::create_stream(Conn::LOG, [$columns=Info, $ev=log_conn, $path="conn",
	                               $policy=log_policy]);
	}

event new_connection(c: connection) &priority=100
	{
	set_conn(c, F);
	}

event content_gap(c: connection, is_orig: bool, seq: count, length: count) &priority=5
	{
	set_conn(c, F);
	c$conn$missed_bytes = c$conn$missed_bytes + length;
	}

event tunnel_changed(c: connection, e: EncapsulatingConnVector) &priority=5
	{
	set_conn(c, F);

	if ( |e| > 0 && e[|e| - 1]?$uid )
		{
		if ( ! c$conn?$tunnel_parents )
			c$conn$tunnel_parents = set();

		add c$conn$tunnel_parents[e[|e| - 1]$uid];
		}

	c$tunnel = e;
	}

event connection_state_remove(c: connection) &priority=5
	{
	set_conn(c, T);
	}

event connection_state_remove(c: connection) &priority=-5
	{
	Log::write(Conn::LOG, c$conn);
	}
