##! Tunnels: logs each tunnel the engine decapsulates (tunnel.log) when
##! it is first seen, when its outer connection ends and when it goes
##! quiet; and marks the tunnel protocols' server ports as likely server
##! ports, so the outer connections get their direction right.

module Tunnel;

export {
	redef enum Log::ID += { LOG };

	global log_policy: Log::PolicyHook;

	## What happened to a tunnel.
	type Action: enum {
		DISCOVER,	##< First seen.
		CLOSE,	##< Its outer connection was removed.
		EXPIRE,	##< Not seen for expiration_interval.
	};

	## One tunnel.log record.
	type Info: record {
		ts: time &log;	##< When the action happened.
		uid: string &log &optional;	##< The outer connection's uid, if it has one.
		id: conn_id &log;	##< The tunnel's endpoints.
		tunnel_type: Tunnel::Type &log;	##< The kind of tunnel.
		action: Action &log;	##< What happened.
	};

	## A tunnel not seen for this long is logged as expired and forgotten.
	option expiration_interval = 1hrs;

	## Server ports of the UDP tunnel protocols (vxlan_ports and
	## geneve_ports come with init-bare, where the decapsulation reads
	## them).
	const ayiya_ports = { 5072/udp } &redef;
	const teredo_ports = { 3544/udp } &redef;
	const gtpv1_ports = { 2152/udp, 2123/udp } &redef;

	## Records one tunnel (logged the first time).
	global register: function(ec: EncapsulatingConn);

	## Records every tunnel of a chain.
	global register_all: function(ecv: EncapsulatingConnVector);

	## Logs an action for a tunnel and forgets it.
	global close: function(tnl: Info, action: Action);

	## Called when a tunnel expires; logs it as EXPIRE.
	global expire: function(t: table[conn_id] of Info, idx: conn_id): interval;

	## Tunnels currently known, by their endpoints.
	global active: table[conn_id] of Info = table() &read_expire=expiration_interval &expire_func=expire;
}

redef likely_server_ports += { ayiya_ports, teredo_ports, gtpv1_ports, vxlan_ports, geneve_ports };

event zeek_init() &priority=5
	{
	Log::create_stream(Tunnel::LOG, [$columns=Info, $path="tunnel", $policy=log_policy]);
	}

function register_all(ecv: EncapsulatingConnVector)
	{
	for ( i in ecv )
		register(ecv[i]);
	}

function register(ec: EncapsulatingConn)
	{
	if ( ec$cid in active )
		{
		# Reading the entry keeps it from expiring.
		local known = active[ec$cid];
		return;
		}

	local tnl = Info($ts=network_time(), $id=ec$cid, $tunnel_type=ec$tunnel_type, $action=DISCOVER);
	if ( ec?$uid )
		tnl$uid = ec$uid;
	active[ec$cid] = tnl;
	Log::write(LOG, tnl);
	}

function close(tnl: Info, action: Action)
	{
	tnl$action = action;
	tnl$ts = network_time();
	Log::write(LOG, tnl);
	delete active[tnl$id];
	}

function expire(t: table[conn_id] of Info, idx: conn_id): interval
	{
	close(t[idx], EXPIRE);
	return 0secs;
	}

event new_connection(c: connection) &priority=5
	{
	if ( c?$tunnel )
		register_all(c$tunnel);
	}

event tunnel_changed(c: connection, e: EncapsulatingConnVector) &priority=5
	{
	register_all(e);
	}

event connection_state_remove(c: connection) &priority=-5
	{
	if ( c$id in active )
		close(active[c$id], CLOSE);
	}
