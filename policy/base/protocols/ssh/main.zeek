##! ssh.log: one record per SSH connection, with both identification
##! strings, the algorithms the two sides settle on, the server's host key
##! fingerprint, and the authentication outcome the analyzer infers from
##! the sizes of encrypted packets.

@load base/frameworks/logging
@load base/frameworks/analyzer
@load base/utils/directions-and-hosts
@load base/protocols/conn/removal-hooks

module SSH;

export {
	redef enum Log::ID += { LOG };

	## Policy hook of ssh.log.
	global log_policy: Log::PolicyHook;

	## One ssh.log record.
	type Info: record {
		## When the SSH session was first seen.
		ts: time &log;
		## The connection's uid.
		uid: string &log;
		## The connection's id.
		id: conn_id &log;
		## The protocol version the two sides speak: 1, 2, or 0 when
		## their identification strings do not go together.
		version: count &log &optional;
		## Whether authentication succeeded; unset when it cannot be
		## told.
		auth_success: bool &log &optional;
		## Authentication attempts seen. Not all are failures: a server
		## may ask for more than one method.
		auth_attempts: count &log &default=0;
		## OUTBOUND for a local client logging into a remote host,
		## INBOUND the other way round; unset when both ends are local
		## or both remote.
		direction: Direction &log &optional;
		## The client's identification string.
		client: string &log &optional;
		## The server's identification string.
		server: string &log &optional;
		## The encryption algorithm negotiated.
		cipher_alg: string &log &optional;
		## The MAC algorithm negotiated.
		mac_alg: string &log &optional;
		## The compression algorithm negotiated.
		compression_alg: string &log &optional;
		## The key exchange algorithm negotiated.
		kex_alg: string &log &optional;
		## The algorithm of the server's host key.
		host_key_alg: string &log &optional;
		## The fingerprint of the server's host key, as OpenSSH prints
		## it ("SHA256:" and base64).
		host_key_fingerprint: string &log &optional;
	};

	## Compression algorithms that make the size heuristic useless:
	## with them, no authentication outcome is inferred.
	option compression_algorithms = set("zlib", "zlib@openssh.com");

	## Detach the analyzer once authentication succeeded: what follows
	## is encrypted and costs time for nothing.
	option disable_analyzer_after_detection = T;

	## Ports of the SSH analyzer.
	const ports = { 22/tcp } &redef;

	## Raised with every ssh.log record.
	global log_ssh: event(rec: Info);
}

module GLOBAL;

export {
	## Raised once per connection when authentication is judged to have
	## failed: attempts were seen and no success.
	global ssh_auth_failed: event(c: connection);

	## Raised once per connection with the authentication outcome and
	## the number of attempts seen.
	global ssh_auth_result: event(c: connection, result: bool, auth_attempts: count);
}

module SSH;

redef record Info += {
	# Written to ssh.log already.
	logged: bool &default=F;
	# The capabilities of the side whose KEXINIT came first, until the
	# other side's arrive.
	capabilities: Capabilities &optional;
	# The analyzer instance, to detach it.
	analyzer_id: count &optional;
};

redef record connection += {
	ssh: Info &optional;
};

redef likely_server_ports += { ports };

event zeek_init() &priority=5
	{
	Log::create_stream(SSH::LOG, [$columns=Info, $ev=log_ssh, $path="ssh",
	                              $policy=log_policy]);
	Analyzer::register_for_ports(Analyzer::ANALYZER_SSH, ports);
	}

# Logs what was not logged yet when the connection goes away.
hook finalize_ssh(c: connection)
	{
	if ( ! c?$ssh || c$ssh$logged )
		return;

	# Both sides seen and an outcome: a success was logged when it came,
	# a failure is logged by ssh_auth_failed.
	if ( c$ssh?$client && c$ssh?$server && c$ssh?$auth_success )
		{
		if ( ! c$ssh$auth_success )
			event ssh_auth_failed(c);
		return;
		}

	c$ssh$logged = T;
	Log::write(SSH::LOG, c$ssh);
	}

function set_session(c: connection)
	{
	if ( c?$ssh )
		return;

	local info = Info($ts=network_time(), $uid=c$uid, $id=c$id);

	# One local end and one remote end make a direction.
	local orig_local = Site::is_local_addr(c$id$orig_h);
	if ( orig_local != Site::is_local_addr(c$id$resp_h) )
		info$direction = orig_local ? OUTBOUND : INBOUND;

	c$ssh = info;
	Conn::register_removal_hook(c, finalize_ssh);
	}

# The protocol an identification string offers: 2 for "SSH-2", 199 for
# "SSH-1.99" (either), 1 for other "SSH-1", 0 when it cannot be told.
function offered(s: string): count
	{
	if ( |s| <= 4 )
		return 0;

	if ( s[4] == "2" )
		return 2;

	if ( s[4] == "1" )
		return ( |s| > 7 && s[6] == "9" && s[7] == "9" ) ? 199 : 1;

	return 0;
	}

# Once both strings are known: the version they settle on.
function set_version(c: connection)
	{
	if ( ! c$ssh?$client || ! c$ssh?$server )
		return;

	local cl = offered(c$ssh$client);
	local sv = offered(c$ssh$server);

	if ( cl == 0 || sv == 0 )
		return;

	if ( cl == sv )
		c$ssh$version = cl == 199 ? 2 : cl;
	else if ( cl == 199 )
		c$ssh$version = sv;
	else if ( sv == 199 )
		c$ssh$version = cl;
	else
		c$ssh$version = 0;
	}

event ssh_client_version(c: connection, version: string)
	{
	set_session(c);
	c$ssh$client = version;
	set_version(c);
	}

event ssh_server_version(c: connection, version: string)
	{
	set_session(c);
	c$ssh$server = version;
	set_version(c);
	}

event ssh_auth_attempted(c: connection, authenticated: bool) &priority=5
	{
	if ( ! c?$ssh || ( c$ssh?$auth_success && c$ssh$auth_success ) )
		return;

	# Compression changes the packet sizes the analyzer judges by.
	if ( c$ssh?$compression_alg && c$ssh$compression_alg in compression_algorithms )
		return;

	c$ssh$auth_success = authenticated;
	++c$ssh$auth_attempts;

	if ( authenticated && disable_analyzer_after_detection && c$ssh?$analyzer_id )
		disable_analyzer(c$id, c$ssh$analyzer_id);
	}

# A success is logged at once.
event ssh_auth_attempted(c: connection, authenticated: bool) &priority=-5
	{
	if ( ! authenticated || ! c?$ssh || c$ssh$logged )
		return;

	event ssh_auth_result(c, T, c$ssh$auth_attempts);
	c$ssh$logged = T;
	Log::write(SSH::LOG, c$ssh);
	}

# The client's first algorithm that the server offers too.
function negotiate(client: vector of string, server: vector of string): string
	{
	for ( _, a in client )
		for ( _, b in server )
			if ( a == b )
				return a;

	return "Algorithm negotiation failed";
	}

# Both directions' choice, spelled out when they differ.
function negotiate_both(client: Algorithm_Prefs, server: Algorithm_Prefs): string
	{
	local to_server = negotiate(client$client_to_server, server$client_to_server);
	local to_client = negotiate(client$server_to_client, server$server_to_client);

	if ( to_server == to_client )
		return to_server;

	return fmt("To server: %s, to client: %s", to_server, to_client);
	}

event ssh_capabilities(c: connection, cookie: string, capabilities: Capabilities)
	{
	if ( ! c?$ssh )
		return;

	if ( ! c$ssh?$capabilities )
		{
		c$ssh$capabilities = capabilities;
		return;
		}

	# A repeated KEXINIT of the same side changes nothing.
	if ( c$ssh$capabilities$is_server == capabilities$is_server )
		return;

	local cl = capabilities$is_server ? c$ssh$capabilities : capabilities;
	local sv = capabilities$is_server ? capabilities : c$ssh$capabilities;

	c$ssh$cipher_alg = negotiate_both(cl$encryption_algorithms, sv$encryption_algorithms);
	c$ssh$mac_alg = negotiate_both(cl$mac_algorithms, sv$mac_algorithms);
	c$ssh$compression_alg = negotiate_both(cl$compression_algorithms, sv$compression_algorithms);
	c$ssh$kex_alg = negotiate(cl$kex_algorithms, sv$kex_algorithms);
	c$ssh$host_key_alg = negotiate(cl$server_host_key_algorithms, sv$server_host_key_algorithms);
	}

event ssh2_server_host_key(c: connection, key: string) &priority=5
	{
	if ( ! c?$ssh )
		return;

	# OpenSSH's SHA256 fingerprint, cut to 32 base64 digits (24 bytes of
	# the digest) as Zeek logs it.
	local b64 = encode_base64(hexstr_to_bytestring(sha256_hash(key)));
	c$ssh$host_key_fingerprint = "SHA256:" + b64[:32];
	}

event ssh_auth_failed(c: connection) &priority=-5
	{
	if ( ! c?$ssh || c$ssh$logged )
		return;

	c$ssh$logged = T;
	Log::write(SSH::LOG, c$ssh);
	event ssh_auth_result(c, F, c$ssh$auth_attempts);
	}

event analyzer_confirmation_info(atype: AllAnalyzers::Tag, info: AnalyzerConfirmationInfo) &priority=20
	{
	if ( atype != Analyzer::ANALYZER_SSH || ! info?$c )
		return;

	set_session(info$c);
	if ( info?$aid )
		info$c$ssh$analyzer_id = info$aid;
	}
