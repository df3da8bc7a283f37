##! ssl.log: one record per SSL/TLS connection with the negotiated version,
##! cipher, curve and server name, the handshake's history, and whether
##! it completed. The record is written when the handshake is done
##! (ssl_established) or, failing that, when the connection ends.

@load base/frameworks/logging
@load base/frameworks/analyzer
@load base/frameworks/notice/weird
@load base/protocols/conn/removal-hooks
@load ./consts

module SSL;

export {
	redef enum Log::ID += { LOG };

	## Policy hook of ssl.log.
	global log_policy: Log::PolicyHook;

	## One ssl.log record.
	type Info: record {
		## When the SSL/TLS connection was first seen.
		ts: time &log;
		## The connection's uid.
		uid: string &log;
		## The connection's endpoints.
		id: conn_id &log;
		## The version the server chose, as a number.
		version_num: count &optional;
		## The version the server chose.
		version: string &log &optional;
		## The cipher suite the server chose.
		cipher: string &log &optional;
		## The elliptic curve (or group) of the key exchange.
		curve: string &log &optional;
		## The server name the client asked for (SNI).
		server_name: string &log &optional;
		## The session id the client offered (hex), for resumption.
		session_id: string &optional;
		## Whether an earlier session was resumed.
		resumed: bool &log &default=F;
		## Internal: the client sent a session ticket with no session id.
		client_ticket_empty_session_seen: bool &default=F;
		## Internal: the client sent a ClientKeyExchange.
		client_key_exchange_seen: bool &default=F;
		## Internal: the client offered a pre-shared key (TLS 1.3).
		client_psk_seen: bool &default=F;
		## The last alert seen.
		last_alert: string &log &optional;
		## The application protocol the server chose (ALPN).
		next_protocol: string &log &optional;
		## The analyser's id on this connection.
		analyzer_id: count &optional;
		## Whether the handshake completed and encryption began.
		established: bool &log &default=F;
		## Whether the record has been written.
		logged: bool &default=F;
		## Internal: the server's hello was a HelloRetryRequest.
		hrr_seen: bool &default=F;
		## The handshake's messages and records in order, one letter
		## each, upper case when the client sent them: H hello_request,
		## C client_hello, S server_hello, V hello_verify_request,
		## T NewSessionTicket, X certificate, K server_key_exchange,
		## R certificate_request, N server_hello_done, Y certificate_verify,
		## G client_key_exchange, F finished, W certificate_url,
		## U certificate_status, A supplemental_data,
		## Z unassigned handshake type, I change_cipher_spec, B heartbeat,
		## D application_data, E end_of_early_data, O encrypted_extensions,
		## P key_update, M message_hash, J hello_retry_request, L alert,
		## Q unknown content type; ^ marks a flipped direction.
		ssl_history: string &log &default="";
	};

	## The default root CA bundle (subject to DER certificate).
	const root_certs: table[string] of string = {} &redef;

	## Whether to detach the analyser once the handshake is over
	## (encrypted data is of no further use).
	option disable_analyzer_after_detection = T;

	## ssl_history stops growing at this length (with a weird).
	option max_ssl_history_length = 100;

	## Holds the record back from ssl.log until token is removed again
	## (or for 15 seconds at most).
	global delay_log: function(info: Info, token: string);

	## Releases a token set with delay_log.
	global undelay_log: function(info: Info, token: string);

	## Raised with every ssl.log record.
	global log_ssl: event(rec: Info);

	## Runs just before the record is written.
	global ssl_finishing: hook(c: connection);

	## Writes what is left when the connection goes away.
	global finalize_ssl: Conn::RemovalHook;

	## Ports of the SSL analyser.
	const ssl_ports = {
		443/tcp, 465/tcp, 563/tcp, 585/tcp, 614/tcp, 636/tcp, 989/tcp,
		990/tcp, 992/tcp, 993/tcp, 995/tcp, 5223/tcp,
	} &redef;

	## Ports of DTLS (no analyser yet).
	const dtls_ports = { 443/udp } &redef;
}

redef record connection += {
	## The connection's ssl.log record.
	ssl: Info &optional;
};

redef record Info += {
	## Tokens holding the record back (delay_log).
	delay_tokens: set[string] &optional;
};

redef likely_server_ports += { ssl_ports, dtls_ports };

event zeek_init() &priority=6
	{
	Log::create_stream(SSL::LOG, [$columns=Info, $ev=log_ssl, $path="ssl", $policy=log_policy]);
	Analyzer::register_for_ports(Analyzer::ANALYZER_SSL, ssl_ports);
	}

function set_session(c: connection)
	{
	if ( c?$ssl )
		return;

	c$ssl = Info($ts=network_time(), $uid=c$uid, $id=c$id);
	Conn::register_removal_hook(c, finalize_ssl);
	}

# One letter of ssl_history: upper case for the client.
function add_to_history(c: connection, is_client: bool, letter: string)
	{
	if ( |c$ssl$ssl_history| >= max_ssl_history_length )
		return;

	c$ssl$ssl_history += is_client ? to_upper(letter) : to_lower(letter);

	if ( |c$ssl$ssl_history| == max_ssl_history_length )
		Reporter::limit_reached_weird("SSL_max_ssl_history_length_reached", c,
		                              |c$ssl$ssl_history|, 0, "SSL");
	}

function delay_log(info: Info, token: string)
	{
	if ( ! info?$delay_tokens )
		info$delay_tokens = set();
	add info$delay_tokens[token];
	}

function undelay_log(info: Info, token: string)
	{
	if ( info?$delay_tokens )
		delete info$delay_tokens[token];
	}

function log_record(info: Info)
	{
	if ( info$logged )
		return;

	if ( info?$delay_tokens && |info$delay_tokens| > 0 )
		{
		when [info] ( |info$delay_tokens| == 0 )
			{
			log_record(info);
			}
		timeout 15secs
			{
			delete info$delay_tokens;
			log_record(info);
			}
		return;
		}

	Log::write(SSL::LOG, info);
	info$logged = T;
	}

# Writes the record; after a completed handshake (remove_analyzer) the
# analyser may also go.
function finish(c: connection, remove_analyzer: bool)
	{
	log_record(c$ssl);
	if ( remove_analyzer && disable_analyzer_after_detection && c$ssl?$analyzer_id )
		{
		if ( disable_analyzer(c$id, c$ssl$analyzer_id) )
			delete c$ssl$analyzer_id;
		}
	}

# The magic random of a TLS 1.3 HelloRetryRequest (RFC 8446, 4.1.3).
const hello_retry_random = "\xCF\x21\xAD\x74\xE5\x9A\x61\x11\xBE\x1D\x8C\x02\x1E\x65\xB8\x91\xC2\xA2\x11\x16\x7A\xBB\x8C\x5E\x07\x9E\x09\xE2\xC8\xA8\x33\x9C";

event ssl_client_hello(c: connection, version: count, record_version: count, possible_ts: time, client_random: string, session_id: string, ciphers: index_vec, comp_methods: index_vec) &priority=5
	{
	set_session(c);

	# An all-zero id is no offer to resume.
	if ( |session_id| > 0 && session_id != /^\x00{32}$/ )
		{
		c$ssl$session_id = bytestring_to_hexstr(session_id);
		c$ssl$client_ticket_empty_session_seen = F;
		}

	# An SSLv2 hello (record version 0) is no handshake message.
	if ( record_version == 0 )
		add_to_history(c, T, "c");
	}

event ssl_server_hello(c: connection, version: count, record_version: count, possible_ts: time, server_random: string, session_id: string, cipher: count, comp_method: count) &priority=5
	{
	set_session(c);

	# supported_versions (TLS 1.3) came first and has the real version.
	if ( ! c$ssl?$version_num )
		{
		c$ssl$version_num = version;
		c$ssl$version = version_strings[version];
		}
	c$ssl$cipher = cipher_desc[cipher];

	if ( server_random == hello_retry_random )
		c$ssl$hrr_seen = T;

	# The server echoing the client's id resumes the session; TLS 1.3
	# echoes it always and resumes through pre_shared_key instead.
	if ( c$ssl?$session_id && c$ssl$session_id == bytestring_to_hexstr(session_id) &&
	     c$ssl$version_num / 0x100 != 0x7f && c$ssl$version_num != TLSv13 )
		c$ssl$resumed = T;

	if ( version == SSLv2 )
		add_to_history(c, F, "s");
	}

event ssl_extension_supported_versions(c: connection, is_client: bool, versions: index_vec)
	{
	if ( is_client || |versions| != 1 )
		return;

	set_session(c);
	c$ssl$version_num = versions[0];
	c$ssl$version = version_strings[versions[0]];
	}

event ssl_ecdh_server_params(c: connection, curve: count, point: string) &priority=5
	{
	set_session(c);
	c$ssl$curve = ec_curves[curve];
	}

event ssl_extension_key_share(c: connection, is_client: bool, curves: index_vec)
	{
	if ( is_client || |curves| != 1 )
		return;

	set_session(c);
	c$ssl$curve = ec_curves[curves[0]];
	}

event ssl_extension_server_name(c: connection, is_client: bool, names: string_vec) &priority=5
	{
	set_session(c);

	if ( ! is_client || |names| == 0 )
		return;

	c$ssl$server_name = names[0];
	if ( |names| > 1 )
		Reporter::conn_weird("SSL_many_server_names", c, cat(names));
	}

event ssl_extension_application_layer_protocol_negotiation(c: connection, is_client: bool, protocols: string_vec)
	{
	set_session(c);

	if ( ! is_client && |protocols| > 0 )
		c$ssl$next_protocol = protocols[0];
	}

event ssl_connection_flipped(c: connection)
	{
	set_session(c);
	c$ssl$ssl_history += "^";
	}

# History letters of the handshake message types.
const handshake_letters: table[count] of string = {
	[HELLO_REQUEST] = "h",
	[CLIENT_HELLO] = "c",
	[SERVER_HELLO] = "s",
	[HELLO_VERIFY_REQUEST] = "v",
	[SESSION_TICKET] = "t",
	[5] = "e",	# end_of_early_data
	[HELLO_RETRY_REQUEST] = "j",
	[ENCRYPTED_EXTENSIONS] = "o",
	[CERTIFICATE] = "x",
	[SERVER_KEY_EXCHANGE] = "k",
	[CERTIFICATE_REQUEST] = "r",
	[SERVER_HELLO_DONE] = "n",
	[CERTIFICATE_VERIFY] = "y",
	[CLIENT_KEY_EXCHANGE] = "g",
	[FINISHED] = "f",
	[CERTIFICATE_URL] = "w",
	[CERTIFICATE_STATUS] = "u",
	[SUPPLEMENTAL_DATA] = "a",
	[KEY_UPDATE] = "p",
	[254] = "m",	# message_hash
} &default = "z";

event ssl_handshake_message(c: connection, is_client: bool, msg_type: count, length: count) &priority=5
	{
	set_session(c);

	if ( is_client && msg_type == CLIENT_KEY_EXCHANGE )
		c$ssl$client_key_exchange_seen = T;

	# A HelloRetryRequest is a ServerHello with the magic random, which
	# ssl_server_hello (raised first) noticed.
	if ( msg_type == SERVER_HELLO && c$ssl$hrr_seen )
		{
		c$ssl$hrr_seen = F;
		add_to_history(c, is_client, "j");
		return;
		}

	add_to_history(c, is_client, handshake_letters[msg_type]);
	}

# Extensions come before their hello's event.
event ssl_extension(c: connection, is_client: bool, code: count, val: string) &priority=5
	{
	set_session(c);

	if ( is_client && code == SSL_EXTENSION_SESSIONTICKET_TLS && |val| > 0 )
		# Resumption by ticket, unless the hello has a session id after all.
		c$ssl$client_ticket_empty_session_seen = T;
	else if ( is_client && code == SSL_EXTENSION_PRE_SHARED_KEY )
		c$ssl$client_psk_seen = T;
	else if ( ! is_client && code == SSL_EXTENSION_PRE_SHARED_KEY && c$ssl$client_psk_seen )
		c$ssl$resumed = T;
	}

event ssl_change_cipher_spec(c: connection, is_client: bool) &priority=5
	{
	set_session(c);
	add_to_history(c, is_client, "i");

	# A ticket was offered and the client skipped its key exchange.
	if ( is_client && c$ssl$client_ticket_empty_session_seen && ! c$ssl$client_key_exchange_seen )
		c$ssl$resumed = T;
	}

event ssl_alert(c: connection, is_client: bool, level: count, desc: count) &priority=5
	{
	set_session(c);
	add_to_history(c, is_client, "l");
	c$ssl$last_alert = alert_descriptions[desc];
	}

event ssl_heartbeat(c: connection, is_client: bool, length: count, heartbeat_type: count, payload_length: count, payload: string)
	{
	set_session(c);
	add_to_history(c, is_client, "b");
	}

event ssl_established(c: connection) &priority=20
	{
	set_session(c);
	hook ssl_finishing(c);
	}

event ssl_established(c: connection) &priority=7
	{
	c$ssl$established = T;
	}

event ssl_established(c: connection) &priority=-5
	{
	finish(c, T);
	}

hook finalize_ssl(c: connection)
	{
	if ( ! c?$ssl )
		return;

	if ( ! c$ssl$logged )
		hook ssl_finishing(c);

	finish(c, F);
	}

event analyzer_confirmation_info(atype: AllAnalyzers::Tag, info: AnalyzerConfirmationInfo) &priority=5
	{
	if ( atype != Analyzer::ANALYZER_SSL && atype != Analyzer::ANALYZER_DTLS )
		return;

	set_session(info$c);
	info$c$ssl$analyzer_id = info$aid;
	}

event analyzer_violation_info(atype: AllAnalyzers::Tag, info: AnalyzerViolationInfo) &priority=5
	{
	if ( atype != Analyzer::ANALYZER_SSL && atype != Analyzer::ANALYZER_DTLS )
		return;
	if ( ! info?$c || ! info$c?$ssl )
		return;

	# The analyser is gone: write what there is, and do not try to
	# remove it again.
	if ( ! info$c$ssl$logged )
		hook ssl_finishing(info$c);
	delete info$c$ssl$analyzer_id;
	finish(info$c, F);
	}

event ssl_plaintext_data(c: connection, is_client: bool, record_version: count, content_type: count, length: count) &priority=5
	{
	set_session(c);

	# Application data before the handshake is done.
	if ( c$ssl?$version && ! c$ssl$established && content_type == APPLICATION_DATA )
		Weird::weird(Weird::Info($ts=network_time(), $name="ssl_early_application_data", $uid=c$uid, $id=c$id));
	}
