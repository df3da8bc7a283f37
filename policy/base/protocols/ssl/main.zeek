##! ssl.log: one record per SSL/TLS connection with the negotiated version,
##! cipher and server name, written when the handshake is over or the
##! connection ends.

@load base/frameworks/logging
@load base/frameworks/analyzer
@load base/protocols/conn/removal-hooks
@load ./consts

module SSL;

export {
	redef enum Log::ID += { LOG };

	## Policy hook of ssl.log.
	global log_policy: Log::PolicyHook;

	## One ssl.log record.
	type Info: record {
		## Time of the first handshake message.
		ts: time &log;
		## The connection's uid.
		uid: string &log;
		## The connection's id.
		id: conn_id &log;
		## Negotiated version.
		version: string &log &optional;
		## Negotiated cipher suite.
		cipher: string &log &optional;
		## Key exchange curve.
		curve: string &log &optional;
		## Server name from the client's SNI extension.
		server_name: string &log &optional;
		## Whether the session was resumed.
		resumed: bool &log &default=F;
		## Last alert seen.
		last_alert: string &log &optional;
		## Protocol chosen by ALPN.
		next_protocol: string &log &optional;
		## Whether the handshake completed.
		established: bool &log &default=F;
		## Handshake message history (upper case: client).
		ssl_history: string &log &default="";
		## Fingerprints of the server's certificates.
		cert_chain_fps: vector of string &log &optional;
		## Fingerprints of the client's certificates.
		client_cert_chain_fps: vector of string &log &optional;
		## Whether the SNI matches the server certificate.
		sni_matches_cert: bool &log &optional;
		## Internal: session id offered by the client.
		client_session_id: string &optional;
		## Internal: whether the record has been logged.
		logged: bool &default=F;
		## Internal: ALPN protocols offered by the client.
		client_alpn: string_vec &optional;
	};

	## Ports of the SSL analyzer.
	const ports = {
		443/tcp, 465/tcp, 563/tcp, 585/tcp, 614/tcp, 636/tcp, 989/tcp,
		990/tcp, 992/tcp, 993/tcp, 995/tcp, 5223/tcp,
	} &redef;

	## Raised with every ssl.log record.
	global log_ssl: event(rec: Info);
}

redef record connection += {
	## The connection's ssl.log record.
	ssl: Info &optional;
};

redef likely_server_ports += ports;

function finish(c: connection)
	{
	if ( ! c?$ssl || c$ssl$logged )
		return;

	c$ssl$logged = T;
	Log::write(SSL::LOG, c$ssl);
	}

hook finalize_ssl(c: connection)
	{
	finish(c);
	}

function set_session(c: connection)
	{
	if ( c?$ssl )
		return;

	c$ssl = Info($ts=network_time(), $uid=c$uid, $id=c$id);
	Conn::register_removal_hook(c, finalize_ssl);
	}

# Handshake message letters for ssl_history (upper case: client).
const history_letters: table[count] of string = {
	[0] = "r",	# hello request
	[1] = "c",	# client hello
	[2] = "s",	# server hello
	[4] = "t",	# new session ticket
	[8] = "e",	# encrypted extensions
	[11] = "x",	# certificate
	[12] = "k",	# server key exchange
	[13] = "q",	# certificate request
	[14] = "o",	# server hello done
	[15] = "v",	# certificate verify
	[16] = "y",	# client key exchange
	[20] = "f",	# finished
	[22] = "g",	# certificate status
} &default = function(i: count): string { return "?"; };

function add_history(c: connection, is_client: bool, letter: string)
	{
	c$ssl$ssl_history += is_client ? to_upper(letter) : letter;
	}

event ssl_client_hello(c: connection, version: count, record_version: count, possible_ts: time,
                       client_random: string, session_id: string, ciphers: index_vec,
                       comp_methods: index_vec) &priority=5
	{
	set_session(c);

	if ( |session_id| > 0 )
		c$ssl$client_session_id = bytestring_to_hexstr(session_id);
	}

event ssl_server_hello(c: connection, version: count, record_version: count, possible_ts: time,
                       server_random: string, session_id: string, cipher: count,
                       comp_method: count) &priority=5
	{
	set_session(c);

	# TLS 1.3 reports its version in an extension (see below).
	if ( ! c$ssl?$version )
		c$ssl$version = version_strings[version];

	c$ssl$cipher = cipher_desc[cipher];

	if ( c$ssl?$client_session_id &&
	     c$ssl$client_session_id == bytestring_to_hexstr(session_id) )
		c$ssl$resumed = T;
	}

event ssl_extension_supported_versions(c: connection, is_client: bool, versions: index_vec) &priority=5
	{
	if ( is_client || |versions| != 1 )
		return;

	set_session(c);
	c$ssl$version = version_strings[versions[0]];
	}

event ssl_extension_key_share(c: connection, is_client: bool, curves: index_vec) &priority=5
	{
	if ( is_client || |curves| != 1 )
		return;

	set_session(c);
	c$ssl$curve = ec_curves[curves[0]];
	}

event ssl_extension_server_name(c: connection, is_client: bool, names: string_vec) &priority=5
	{
	set_session(c);

	if ( is_client && |names| > 0 )
		c$ssl$server_name = names[0];
	}

event ssl_extension_application_layer_protocol_negotiation(c: connection, is_client: bool,
                                                            protocols: string_vec) &priority=5
	{
	set_session(c);

	if ( is_client )
		c$ssl$client_alpn = protocols;
	else if ( |protocols| > 0 )
		c$ssl$next_protocol = protocols[0];
	}

event ssl_handshake_message(c: connection, is_client: bool, msg_type: count, length: count) &priority=5
	{
	set_session(c);
	add_history(c, is_client, history_letters[msg_type]);
	}

event ssl_change_cipher_spec(c: connection, is_client: bool) &priority=5
	{
	set_session(c);
	add_history(c, is_client, "h");
	}

event ssl_alert(c: connection, is_client: bool, level: count, desc: count) &priority=5
	{
	set_session(c);
	c$ssl$last_alert = alert_descriptions[desc];
	add_history(c, is_client, "a");
	}

event ssl_established(c: connection) &priority=5
	{
	set_session(c);
	c$ssl$established = T;
	}

event ssl_established(c: connection) &priority=-5
	{
	finish(c);
	}

event zeek_init() &priority=5
	{
	Log::create_stream(SSL::LOG, [$columns=Info, $ev=log_ssl, $path="ssl",
	                              $policy=log_policy]);
	Analyzer::register_for_ports(Analyzer::ANALYZER_SSL, ports);
	}
