##! The weird framework: logs protocol and engine anomalies ("weirds") to
##! weird.log and, for chosen ones, raises notices. What happens to each
##! weird is decided by its name in Weird::actions.

@load ./main

module Weird;

export {
	redef enum Log::ID += { LOG };

	## Policy hook of weird.log.
	global log_policy: Log::PolicyHook;

	redef enum Notice::Type += {
		## A weird whose action asks for a notice.
		Activity,
	};

	## One weird.
	type Info: record {
		ts: time &log;	##< When it happened.
		uid: string &log &optional;	##< The connection's uid.
		id: conn_id &log &optional;	##< The connection's id.
		conn: connection &optional;	##< The connection.
		name: string &log;	##< What happened.
		addl: string &log &optional;	##< Additional detail.
		notice: bool &log &default=F;	##< Whether a notice was raised too.
		peer: string &log &optional &default=peer_description;	##< Node that saw it.
		source: string &log &optional;	##< Analyzer or component that reported it.
		identifier: string &optional;	##< Identifier for notice suppression.
	};

	## What to do with a weird.
	type Action: enum {
		ACTION_UNSPECIFIED,	##< Use the default.
		ACTION_IGNORE,	##< Drop it.
		ACTION_LOG,	##< Log every occurrence.
		ACTION_LOG_ONCE,	##< Log the first occurrence only.
		ACTION_LOG_PER_CONN,	##< Log once per connection.
		ACTION_LOG_PER_ORIG,	##< Log once per originator.
		ACTION_NOTICE,	##< Raise a notice every time.
		ACTION_NOTICE_ONCE,	##< Raise a notice once.
		ACTION_NOTICE_PER_CONN,	##< Raise a notice once per connection.
		ACTION_NOTICE_PER_ORIG,	##< Raise a notice once per originator.
	};

	## Action per weird name (unlisted names are logged).
	option actions: table[string] of Action = {
		["unsolicited_SYN_response"] = ACTION_IGNORE,
		["window_recision"] = ACTION_IGNORE,
		["Teredo_bubble_with_payload"] = ACTION_IGNORE,
	} &default=ACTION_LOG;

	## Originator/weird pairs that are never logged.
	option ignore_hosts: set[addr, string] = {};

	## Weirds reported every time they occur. Others are reported once
	## per identifier (the connection, the address pair of a flow, or
	## once in all for a weird without either), however often the
	## engine raises them.
	option weird_do_not_ignore_repeats: set[string] = {
		"bad_IP_checksum", "bad_TCP_checksum", "bad_UDP_checksum",
		"bad_ICMP_checksum",
	};

	## Raised with every weird.log record.
	global log_weird: event(rec: Info);

	## Handles one weird according to its action.
	global weird: function(w: Weird::Info);
}

# Weirds already reported, for the *_ONCE and *_PER_* actions.
global did_log: set[string, string] &create_expire=1day;
global did_notice: set[string, string] &create_expire=1day;
global did_once: set[string] &create_expire=1day;
# Weirds already reported per identifier (weird_do_not_ignore_repeats).
global did_repeat: set[string, string] &create_expire=1day;

# Whether a weird has already been reported under `key`; remembers it.
function seen_before(name: string, key: string, notice: bool): bool
	{
	if ( notice )
		{
		if ( [name, key] in did_notice )
			return T;

		add did_notice[name, key];
		return F;
		}

	if ( [name, key] in did_log )
		return T;

	add did_log[name, key];
	return F;
	}

function weird(w: Weird::Info)
	{
	local action = actions[w$name];
	local key = "";

	if ( w?$id && [w$id$orig_h, w$name] in ignore_hosts )
		return;

	if ( w$name !in weird_do_not_ignore_repeats )
		{
		local ident = w?$identifier ? w$identifier : "";
		if ( [w$name, ident] in did_repeat )
			return;
		add did_repeat[w$name, ident];
		}

	switch ( action ) {
	case ACTION_IGNORE:
		return;
	case ACTION_LOG_ONCE, ACTION_NOTICE_ONCE:
		if ( w$name in did_once )
			return;
		add did_once[w$name];
		break;
	case ACTION_LOG_PER_CONN, ACTION_NOTICE_PER_CONN:
		key = w?$uid ? w$uid : "";
		if ( seen_before(w$name, key, action == ACTION_NOTICE_PER_CONN) )
			return;
		break;
	case ACTION_LOG_PER_ORIG, ACTION_NOTICE_PER_ORIG:
		key = w?$id ? cat(w$id$orig_h) : "";
		if ( seen_before(w$name, key, action == ACTION_NOTICE_PER_ORIG) )
			return;
		break;
	default:
		break;
	}

	if ( action == ACTION_NOTICE || action == ACTION_NOTICE_ONCE ||
	     action == ACTION_NOTICE_PER_CONN || action == ACTION_NOTICE_PER_ORIG )
		{
		w$notice = T;
		local n = Notice::Info($note=Activity, $msg=w$name);

		if ( w?$conn )
			n$conn = w$conn;

		if ( w?$addl )
			n$sub = w$addl;

		if ( w?$identifier )
			n$identifier = w$identifier;

		NOTICE(n);
		}

	Log::write(Weird::LOG, w);
	}

event zeek_init() &priority=5
	{
	Log::create_stream(Weird::LOG, [$columns=Info, $ev=log_weird, $path="weird",
	                                $policy=log_policy]);
	}

event conn_weird(name: string, c: connection, addl: string, source: string)
	{
	local w = Info($ts=network_time(), $name=name, $conn=c, $uid=c$uid, $id=c$id,
	               $identifier=id_string(c$id));

	if ( addl != "" )
		w$addl = addl;

	if ( source != "" )
		w$source = source;

	weird(w);
	}

event flow_weird(name: string, src: addr, dst: addr, addl: string, source: string)
	{
	# A flow has addresses but no ports: the id carries port 0.
	local nop = count_to_port(0, unknown_transport);
	local w = Info($ts=network_time(), $name=name, $identifier=fmt("%s%s", src, dst),
	               $id=conn_id($orig_h=src, $orig_p=nop, $resp_h=dst, $resp_p=nop));

	if ( addl != "" )
		w$addl = addl;

	if ( source != "" )
		w$source = source;

	weird(w);
	}

event net_weird(name: string, addl: string, source: string)
	{
	local w = Info($ts=network_time(), $name=name);

	if ( addl != "" )
		w$addl = addl;

	if ( source != "" )
		w$source = source;

	weird(w);
	}

event file_weird(name: string, f: fa_file, addl: string, source: string)
	{
	local w = Info($ts=network_time(), $name=name, $identifier=f$id);

	if ( addl != "" )
		w$addl = addl;
	else
		w$addl = f$id;

	if ( source != "" )
		w$source = source;

	weird(w);
	}

event expired_conn_weird(name: string, id: conn_id, uid: string, addl: string, source: string)
	{
	local w = Info($ts=network_time(), $name=name, $uid=uid, $id=id,
	               $identifier=id_string(id));

	if ( addl != "" )
		w$addl = addl;

	if ( source != "" )
		w$source = source;

	weird(w);
	}
