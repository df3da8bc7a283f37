##! http.log: one line per request/reply pair. Requests may be pipelined:
##! the state keeps every transaction not yet answered, numbered in order,
##! and replies are matched to them in the same order.

@load base/frameworks/logging
@load base/frameworks/analyzer
@load base/frameworks/tunnels
@load base/protocols/conn/removal-hooks
# The analyser's weirds (CONTENTLINE's among them) reach weird.log even
# under -b with only the HTTP scripts, as in Zeek's own HTTP tests.
@load base/frameworks/notice/weird

module HTTP;

export {
	redef enum Log::ID += { LOG };

	## Ports the HTTP analyser is started for.
	const ports = {
		80/tcp, 81/tcp, 631/tcp, 1080/tcp, 3128/tcp,
		8000/tcp, 8080/tcp, 8888/tcp,
	} &redef;

	## Policy hook of http.log.
	global log_policy: Log::PolicyHook;

	## Labels scripts attach to a transaction.
	type Tags: enum {
		## No tag.
		EMPTY
	};

	## Whether basic-auth passwords go into the log.
	option default_capture_password = F;

	## One http.log line.
	type Info: record {
		## When the request began.
		ts: time &log;
		## The connection's uid.
		uid: string &log;
		## The connection's endpoints.
		id: conn_id &log;
		## Position of the transaction in the connection: 1, 2, ...
		trans_depth: count &log;
		## The request method.
		method: string &log &optional;
		## The Host header.
		host: string &log &optional;
		## The request URI, unescaped.
		uri: string &log &optional;
		## The Referer header.
		referrer: string &log &optional;
		## The HTTP version of the reply.
		version: string &log &optional;
		## The User-Agent header.
		user_agent: string &log &optional;
		## The Origin header.
		origin: string &log &optional;
		## Body bytes of the request (after decompression).
		request_body_len: count &log &default=0;
		## Body bytes of the reply (after decompression).
		response_body_len: count &log &default=0;
		## The final status code.
		status_code: count &log &optional;
		## Its reason phrase.
		status_msg: string &log &optional;
		## The last informational (1xx) status code.
		info_code: count &log &optional;
		## Its reason phrase.
		info_msg: string &log &optional;
		## Labels scripts attached.
		tags: set[Tags] &log;
		## The user name of basic authentication.
		username: string &log &optional;
		## Its password, when default_capture_password allows.
		password: string &log &optional;
		## Whether to keep the password.
		capture_password: bool &default=default_capture_password;
		## Headers that show the request went through a proxy.
		proxied: set[string] &log &optional;
		## Whether the request asked for a byte range.
		range_request: bool &default=F;
	};

	## The transactions of one connection.
	type State: record {
		## Transactions not yet logged, by number.
		pending: table[count] of Info;
		## Number of the latest request.
		current_request: count &default=0;
		## Number of the transaction the replies are at.
		current_response: count &default=0;
		## Transactions made so far.
		trans_depth: count &default=0;
	};

	## Request headers whose presence means a proxy was involved.
	option proxy_headers: set[string] = {
		"FORWARDED",
		"X-FORWARDED-FOR",
		"X-FORWARDED-FROM",
		"CLIENT-IP",
		"VIA",
		"XROXY-CONNECTION",
		"PROXY-CONNECTION",
	};

	## Methods taken as HTTP; others get an unknown_HTTP_method weird.
	option http_methods: set[string] = {
		"GET", "POST", "HEAD", "OPTIONS",
		"PUT", "DELETE", "TRACE", "CONNECT",
		"PROPFIND", "PROPPATCH", "MKCOL",
		"COPY", "MOVE", "LOCK", "UNLOCK",
		"POLL", "REPORT", "SUBSCRIBE", "BMOVE",
		"SEARCH",
		"QUERY",
	};

	## Raised with each http.log line.
	global log_http: event(rec: Info);

	## Most transactions waiting for a reply; past it the oldest are
	## logged unanswered (0: no limit).
	option max_pending_requests = 100;

	## Longest string field written to http.log (0: no limit).
	const default_max_field_string_bytes = 0 &redef;
}

redef record connection += {
	## The transaction being looked at.
	http: Info &optional;
	## The connection's transactions.
	http_state: State &optional;
};

redef likely_server_ports += { ports };

event zeek_init() &priority=5
	{
	Log::create_stream(HTTP::LOG, [$columns=Info, $ev=log_http, $path="http",
	                               $policy=log_policy]);
	Analyzer::register_for_ports(Analyzer::ANALYZER_HTTP, ports);
	}

function code_in_range(c: count, min: count, max: count): bool
	{
	return c >= min && c <= max;
	}

function new_http_session(c: connection): Info
	{
	return Info($ts=network_time(), $uid=c$uid, $id=c$id,
	            $trans_depth=++c$http_state$trans_depth, $tags=set());
	}

# Logs what is left when the connection goes away.
hook finalize_http(c: connection)
	{
	if ( ! c?$http_state )
		return;

	# Number 0 collects what came before any request or reply line; it
	# is no transaction and is not logged.
	for ( n, info in c$http_state$pending )
		{
		if ( n == 0 )
			next;
		Log::write(HTTP::LOG, info);
		}
	}

function ensure_state(c: connection)
	{
	if ( c?$http_state )
		return;

	c$http_state = State($pending=table());
	Conn::register_removal_hook(c, finalize_http);
	}

# Points c$http at the transaction of the current request (is_orig) or
# of the current reply, making it if needed.
function set_state(c: connection, is_orig: bool)
	{
	ensure_state(c);
	local s = c$http_state;
	local n = is_orig ? s$current_request : s$current_response;

	if ( n !in s$pending )
		s$pending[n] = new_http_session(c);

	c$http = s$pending[n];
	}

event http_request(c: connection, method: string, original_URI: string,
                   unescaped_URI: string, version: string) &priority=5
	{
	ensure_state(c);
	local s = c$http_state;

	# A reply came before its request: catch the requests up.
	if ( s$current_request < s$current_response )
		{
		Reporter::conn_weird("HTTP_response_before_request", c);
		s$current_request = s$current_response;
		}

	# Too many requests in flight: log the oldest as they are.
	if ( max_pending_requests > 0 && |s$pending| > max_pending_requests )
		{
		Reporter::conn_weird("HTTP_excessive_pipelining", c);

		if ( s$current_response == 0 )
			++s$current_response;

		while ( s$current_response < s$current_request )
			{
			local r = s$current_response;
			if ( r in s$pending )
				{
				Log::write(HTTP::LOG, s$pending[r]);
				delete s$pending[r];
				}
			++s$current_response;
			}
		}

	++s$current_request;
	set_state(c, T);

	c$http$method = method;
	c$http$uri = unescaped_URI;

	if ( method !in http_methods )
		Reporter::conn_weird("unknown_HTTP_method", c, method);
	}

event http_reply(c: connection, version: string, code: count, reason: string) &priority=5
	{
	ensure_state(c);
	local s = c$http_state;

	# After an interim (1xx) reply the final one belongs to the same
	# transaction; otherwise a reply moves on to the next one.
	if ( s$current_response !in s$pending ||
	     (s$pending[s$current_response]?$status_code &&
	      ! code_in_range(s$pending[s$current_response]$status_code, 100, 199)) )
		++s$current_response;

	set_state(c, F);

	c$http$status_code = code;
	c$http$status_msg = reason;
	c$http$version = version;

	if ( code_in_range(code, 100, 199) )
		{
		c$http$info_code = code;
		c$http$info_msg = reason;
		}

	if ( c$http?$method && c$http$method == "CONNECT" && code == 200 )
		{
		# All connections through the same proxy to the same place are
		# one tunnel, whatever their source port.
		local tid = copy(c$id);
		tid$orig_p = 0/tcp;
		Tunnel::register([$cid=tid, $tunnel_type=Tunnel::HTTP]);
		}
	}

event http_header(c: connection, is_orig: bool, name: string, value: string) &priority=5
	{
	set_state(c, is_orig);

	if ( ! is_orig )
		return;

	if ( name == "REFERER" )
		c$http$referrer = value;
	else if ( name == "HOST" )
		c$http$host = value;
	else if ( name == "RANGE" )
		c$http$range_request = T;
	else if ( name == "ORIGIN" )
		c$http$origin = value;
	else if ( name == "USER-AGENT" )
		c$http$user_agent = value;
	else if ( name in proxy_headers )
		{
		if ( ! c$http?$proxied )
			c$http$proxied = set();
		add c$http$proxied[fmt("%s -> %s", name, value)];
		}
	else if ( name == "AUTHORIZATION" || name == "PROXY-AUTHORIZATION" )
		{
		if ( /^[bB][aA][sS][iI][cC] / in value )
			{
			local userpass = decode_base64(sub(value, /[bB][aA][sS][iI][cC][[:blank:]]+/, ""));
			local up = split_string1(userpass, /:/);
			if ( |up| == 2 )
				{
				c$http$username = up[0];
				if ( c$http$capture_password )
					c$http$password = up[1];
				}
			else
				{
				c$http$username = fmt("<problem-decoding> (%s)", value);
				if ( c$http$capture_password )
					c$http$password = userpass;
				}
			}
		}
	}

event http_message_done(c: connection, is_orig: bool, stat: http_message_stat) &priority=5
	{
	set_state(c, is_orig);

	if ( is_orig )
		c$http$request_body_len = stat$body_length;
	else
		c$http$response_body_len = stat$body_length;
	}

event http_message_done(c: connection, is_orig: bool, stat: http_message_stat) &priority=-5
	{
	# A finished reply completes its transaction, unless it was an
	# interim one: the final reply is still to come.
	if ( is_orig )
		return;

	if ( c$http?$status_code && code_in_range(c$http$status_code, 100, 199) )
		return;

	Log::write(HTTP::LOG, c$http);
	delete c$http_state$pending[c$http_state$current_response];
	}
