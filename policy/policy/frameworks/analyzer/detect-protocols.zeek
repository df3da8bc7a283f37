##! Notices for protocols found by dynamic protocol detection on ports not
##! registered for them: Protocol_Found for each such connection,
##! Server_Found once per server, port and protocol.

@load base/frameworks/notice
@load base/frameworks/analyzer
@load base/utils/site
@load base/utils/conn-ids
@load base/protocols/conn/removal-hooks

module ProtocolDetector;

export {
	redef enum Notice::Type += {
		## A protocol on a port not registered for it; sub names the
		## protocol.
		Protocol_Found,
		## A server of a protocol on a port not registered for it.
		Server_Found,
	};

	## The directions in which a protocol on a port is expected, and not
	## worth a notice.
	type dir: enum { NONE, INCOMING, OUTGOING, BOTH };

	## Expected (analyzer, server, port) uses; 0.0.0.0 stands for any
	## server.
	option valids: table[Analyzer::Tag, addr, port] of dir = {};

	## Analyzers whose servers get no Server_Found (their
	## Protocol_Found notices remain).
	option suppress_servers: set[Analyzer::Tag] = {};

	## A connection counts as using a protocol when its analyzer is still
	## attached after this long, after minimum_volume payload bytes, or
	## at the connection's end.
	option minimum_duration = 30 secs;
	option minimum_volume = 4e3;

	## How often a connection's duration and volume are checked.
	const check_interval = 5 secs;

	## Lets other scripts name a sub-protocol an analyzer recognised
	## (shown as "SUB (via ANALYZER)").
	global found_protocol: function(c: connection, analyzer: Analyzer::Tag, protocol: string);

	## Servers reported, by address, port and analyzer, with the
	## sub-protocols reported for them.
	global servers: table[addr, port, string] of set[string] &read_expire=14days;
}

# Analyzers confirmed on a connection off their registered ports.
global conns: table[conn_id] of set[Analyzer::Tag];

# Sub-protocols reported through found_protocol, by connection.
global protocols: table[conn_id] of set[string];

# The analyzer's name and the sub-protocols reported, joined by "/".
function describe(c: connection, a: Analyzer::Tag): vector of string
	{
	local sub = "";
	if ( c$id in protocols )
		for ( p in protocols[c$id] )
			sub = |sub| > 0 ? fmt("%s/%s", sub, p) : p;

	return vector(Analyzer::name(a), sub);
	}

function do_notice(c: connection, a: Analyzer::Tag, d: dir)
	{
	if ( d == BOTH )
		return;

	local resp_local = Site::is_local_addr(c$id$resp_h);
	if ( d == INCOMING && resp_local || d == OUTGOING && ! resp_local )
		return;

	local p = describe(c, a);
	local name = p[0];
	local sub = p[1];
	local s = sub != "" ? fmt("%s (via %s)", sub, name) : name;

	NOTICE([$note=Protocol_Found,
	        $msg=fmt("%s %s on port %s", id_string(c$id), s, c$id$resp_p),
	        $sub=s, $conn=c]);

	# A server is reported again when a new sub-protocol shows up.
	local known = [c$id$resp_h, c$id$resp_p, name] in servers;
	local newsub = known && sub != "" && sub !in servers[c$id$resp_h, c$id$resp_p, name];

	if ( known && ! newsub || a in suppress_servers )
		return;

	NOTICE([$note=Server_Found,
	        $msg=fmt("%s: %s server on port %s%s", c$id$resp_h, s, c$id$resp_p,
	                 known ? " (update)" : ""),
	        $p=c$id$resp_p, $sub=s, $conn=c, $src=c$id$resp_h]);

	if ( ! known )
		servers[c$id$resp_h, c$id$resp_p, name] = set();

	add servers[c$id$resp_h, c$id$resp_p, name][sub];
	}

# Reports the connection's analyzers, if both sides sent data.
function report_protocols(c: connection)
	{
	if ( c$resp$size > 0 && c$orig$size > 0 )
		{
		for ( a in conns[c$id] )
			{
			if ( [a, c$id$resp_h, c$id$resp_p] in valids )
				do_notice(c, a, valids[a, c$id$resp_h, c$id$resp_p]);
			else if ( [a, 0.0.0.0, c$id$resp_p] in valids )
				do_notice(c, a, valids[a, 0.0.0.0, c$id$resp_p]);
			else
				do_notice(c, a, NONE);
			}
		}

	delete conns[c$id];
	delete protocols[c$id];
	}

function next_check(): interval
	{
	return minimum_duration < check_interval ? minimum_duration : check_interval;
	}

event ProtocolDetector::check_connection(c: connection)
	{
	if ( c$id !in conns )
		return;

	local duration = network_time() - c$start_time;

	if ( duration >= minimum_duration || c$resp$size + c$orig$size >= minimum_volume )
		{
		report_protocols(c);
		return;
		}

	local left = minimum_duration - duration;
	schedule ( left < check_interval ? left : check_interval ) { ProtocolDetector::check_connection(c) };
	}

# At the end of the connection, whatever analyzers are left are reported.
hook finalize_protocol_detection(c: connection)
	{
	if ( c$id in conns )
		report_protocols(c);
	else
		delete protocols[c$id];
	}

event analyzer_confirmation_info(atype: AllAnalyzers::Tag, info: AnalyzerConfirmationInfo)
	{
	if ( ! info?$c )
		return;

	local c = info$c;

	# A protocol on its own port is no news.
	if ( c$id$resp_p in Analyzer::registered_ports(atype) )
		return;

	if ( c$id in conns )
		{
		add conns[c$id][atype];
		return;
		}

	conns[c$id] = set(atype);
	Conn::register_removal_hook(c, finalize_protocol_detection);
	schedule next_check() { ProtocolDetector::check_connection(c) };
	}

function found_protocol(c: connection, analyzer: Analyzer::Tag, protocol: string)
	{
	if ( c$id$resp_p in Analyzer::registered_ports(analyzer) )
		return;

	if ( c$id !in protocols )
		protocols[c$id] = set();

	add protocols[c$id][protocol];
	Conn::register_removal_hook(c, finalize_protocol_detection);
	}
