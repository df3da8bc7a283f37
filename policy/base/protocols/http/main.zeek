##! http.log: one record per HTTP request/reply pair. Pipelined requests are
##! matched to replies in order.

@load base/frameworks/logging
@load base/frameworks/analyzer
@load base/protocols/conn/removal-hooks

module HTTP;

export {
	redef enum Log::ID += { LOG };

	## Policy hook of http.log.
	global log_policy: Log::PolicyHook;

	## Labels that scripts attach to a transaction.
	type Tags: enum {
		## No tag.
		EMPTY,
	};

	## One http.log record.
	type Info: record {
		## Time of the request.
		ts: time &log;
		## The connection's uid.
		uid: string &log;
		## The connection's id.
		id: conn_id &log;
		## Position of the transaction in the connection (1, 2, ...).
		trans_depth: count &log;
		## Request method.
		method: string &log &optional;
		## Host header.
		host: string &log &optional;
		## Request URI.
		uri: string &log &optional;
		## Referer header.
		referrer: string &log &optional;
		## HTTP version of the request.
		version: string &log &optional;
		## User-Agent header.
		user_agent: string &log &optional;
		## Origin header.
		origin: string &log &optional;
		## Bytes of request body.
		request_body_len: count &log &default=0;
		## Bytes of response body.
		response_body_len: count &log &default=0;
		## Reply status.
		status_code: count &log &optional;
		status_msg: string &log &optional;
		## Last 1xx status seen.
		info_code: count &log &optional;
		info_msg: string &log &optional;
		## Tags attached by scripts.
		tags: set[Tags] &log;
		## Basic-auth credentials.
		username: string &log &optional;
		password: string &log &optional;
		## Proxy-related headers seen.
		proxied: set[string] &log &optional;
		## Files in the request body.
		orig_fuids: vector of string &log &optional;
		orig_filenames: vector of string &log &optional;
		orig_mime_types: vector of string &log &optional;
		## Files in the response body.
		resp_fuids: vector of string &log &optional;
		resp_filenames: vector of string &log &optional;
		resp_mime_types: vector of string &log &optional;
		## Internal: whether the request/reply have been seen.
		orig_done: bool &default=F;
		resp_done: bool &default=F;
	};

	## Pending transactions of a connection.
	type State: record {
		pending: table[count] of Info;
		current_request: count &default=0;
		current_response: count &default=0;
		trans_depth: count &default=0;
	};

	## Headers that show a request went through a proxy.
	option proxy_headers: set[string] = {
		"FORWARDED", "X-FORWARDED-FOR", "X-FORWARDED-FROM", "CLIENT-IP",
		"VIA", "XROXY-CONNECTION", "PROXY-CONNECTION",
	};

	## Methods that are recognised as HTTP.
	option http_methods: set[string] = {
		"GET", "POST", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE",
		"CONNECT", "PROPFIND", "PROPPATCH", "MKCOL", "COPY", "MOVE",
		"LOCK", "UNLOCK", "POLL", "REPORT", "SUBSCRIBE", "BMOVE", "SEARCH",
	};

	## Ports of the HTTP analyzer.
	const ports = {
		80/tcp, 81/tcp, 631/tcp, 1080/tcp, 3128/tcp, 8000/tcp, 8080/tcp, 8888/tcp,
	} &redef;

	## Raised with every http.log record.
	global log_http: event(rec: Info);
}

redef record connection += {
	## The transaction being worked on.
	http: Info &optional;
	## Pending transactions.
	http_state: State &optional;
};

redef likely_server_ports += ports;

hook finalize_http(c: connection)
	{
	if ( ! c?$http_state )
		return;

	for ( depth, info in c$http_state$pending )
		Log::write(HTTP::LOG, info);

	delete c$http_state;
	}

function new_http_session(c: connection): Info
	{
	++c$http_state$trans_depth;
	return Info($ts=network_time(), $uid=c$uid, $id=c$id,
	            $trans_depth=c$http_state$trans_depth, $tags=set());
	}

# Points c$http at the transaction a message belongs to.
function set_state(c: connection, is_orig: bool)
	{
	if ( ! c?$http_state )
		{
		c$http_state = State($pending=table());
		Conn::register_removal_hook(c, finalize_http);
		}

	local s = c$http_state;

	if ( s$current_request == 0 )
		s$current_request = 1;

	if ( s$current_response == 0 )
		s$current_response = 1;

	local idx = is_orig ? s$current_request : s$current_response;

	if ( idx !in s$pending )
		s$pending[idx] = new_http_session(c);

	c$http = s$pending[idx];
	}

event http_request(c: connection, method: string, original_URI: string,
                   unescaped_URI: string, version: string) &priority=5
	{
	set_state(c, T);
	c$http$method = method;
	c$http$uri = unescaped_URI;
	c$http$version = version;
	}

event http_reply(c: connection, version: string, code: count, reason: string) &priority=5
	{
	set_state(c, F);

	if ( code >= 100 && code < 200 && code != 101 )
		{
		c$http$info_code = code;
		c$http$info_msg = reason;
		return;
		}

	c$http$status_code = code;
	c$http$status_msg = reason;

	if ( ! c$http?$version )
		c$http$version = version;
	}

event http_header(c: connection, is_orig: bool, original_name: string, name: string, value: string) &priority=5
	{
	set_state(c, is_orig);

	if ( ! is_orig )
		return;

	switch ( name ) {
	case "HOST":
		c$http$host = value;
		break;
	case "REFERER":
		c$http$referrer = value;
		break;
	case "USER-AGENT":
		c$http$user_agent = value;
		break;
	case "ORIGIN":
		c$http$origin = value;
		break;
	case "AUTHORIZATION":
		if ( /^[Bb][Aa][Ss][Ii][Cc] / in value )
			{
			local creds = decode_base64(sub(value, /^[Bb][Aa][Ss][Ii][Cc] +/, ""));
			local parts = split_string1(creds, /:/);

			if ( |parts| == 2 )
				{
				c$http$username = parts[0];
				c$http$password = "<hidden>";
				}
			}
		break;
	default:
		if ( name in proxy_headers )
			{
			if ( ! c$http?$proxied )
				c$http$proxied = set();

			add c$http$proxied[fmt("%s -> %s", name, value)];
			}
		break;
	}
	}

event http_message_done(c: connection, is_orig: bool, stat: http_message_stat) &priority=5
	{
	set_state(c, is_orig);

	if ( is_orig )
		{
		c$http$request_body_len = stat$body_length;
		c$http$orig_done = T;
		}
	else
		{
		c$http$response_body_len = stat$body_length;

		# An interim (1xx) reply does not finish the transaction.
		if ( c$http?$status_code )
			c$http$resp_done = T;
		}
	}

event http_message_done(c: connection, is_orig: bool, stat: http_message_stat) &priority=-5
	{
	local s = c$http_state;
	local idx = is_orig ? s$current_request : s$current_response;

	if ( idx !in s$pending )
		return;

	local info = s$pending[idx];

	if ( is_orig )
		++s$current_request;
	else if ( info$resp_done )
		++s$current_response;

	# A transaction is logged once both halves are done.
	if ( info$orig_done && info$resp_done )
		{
		Log::write(HTTP::LOG, info);
		delete s$pending[idx];
		}
	}

event zeek_init() &priority=5
	{
	Log::create_stream(HTTP::LOG, [$columns=Info, $ev=log_http, $path="http",
	                               $policy=log_policy]);
	Analyzer::register_for_ports(Analyzer::ANALYZER_HTTP, ports);
	}
