##! ssh.log: one record per SSH connection, with versions, negotiated
##! algorithms and the authentication outcome inferred by the analyzer.

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
		## Time of the first SSH packet.
		ts: time &log;
		## The connection's uid.
		uid: string &log;
		## The connection's id.
		id: conn_id &log;
		## Protocol major version (1 or 2).
		version: count &log &optional;
		## Whether authentication succeeded (unset: not determined).
		auth_success: bool &log &optional;
		## Authentication attempts seen.
		auth_attempts: count &log &default=0;
		## Direction relative to Site::local_nets.
		direction: Direction &log &optional;
		## Client version string.
		client: string &log &optional;
		## Server version string.
		server: string &log &optional;
		## Negotiated algorithms.
		cipher_alg: string &log &optional;
		mac_alg: string &log &optional;
		compression_alg: string &log &optional;
		kex_alg: string &log &optional;
		host_key_alg: string &log &optional;
		## Fingerprint of the server's host key.
		host_key_fingerprint: string &log &optional;
		## Whether the record has been logged.
		logged: bool &default=F;
		## The server's capabilities, once seen.
		capabilities: Capabilities &optional;
	};

	## Compression algorithms that count as compression being used.
	option compression_algorithms = set("zlib", "zlib@openssh.com");

	## Stop analysing once authentication is decided.
	option disable_analyzer_after_detection = T;

	## Ports of the SSH analyzer.
	const ports = { 22/tcp } &redef;

	## Raised with every ssh.log record.
	global log_ssh: event(rec: Info);

	## Raised when authentication is determined to have failed.
	global ssh_auth_failed: event(c: connection);

	## Raised once the authentication outcome is known.
	global ssh_auth_result: event(c: connection, result: bool, auth_attempts: count);
}

redef record connection += {
	## The connection's ssh.log record.
	ssh: Info &optional;
};

redef likely_server_ports += ports;

hook finalize_ssh(c: connection)
	{
	if ( ! c?$ssh || c$ssh$logged )
		return;

	if ( c$ssh$auth_attempts > 0 && ! c$ssh?$auth_success )
		{
		c$ssh$auth_success = F;
		event SSH::ssh_auth_failed(c);
		event SSH::ssh_auth_result(c, F, c$ssh$auth_attempts);
		}

	c$ssh$logged = T;
	Log::write(SSH::LOG, c$ssh);
	}

function set_session(c: connection)
	{
	if ( c?$ssh )
		return;

	c$ssh = Info($ts=network_time(), $uid=c$uid, $id=c$id);
	Conn::register_removal_hook(c, finalize_ssh);
	}

function set_direction(c: connection)
	{
	if ( |Site::local_nets| == 0 )
		return;

	local o = Site::is_local_addr(c$id$orig_h);
	local r = Site::is_local_addr(c$id$resp_h);

	if ( o && ! r )
		c$ssh$direction = OUTBOUND;
	else if ( ! o && r )
		c$ssh$direction = INBOUND;
	}

event ssh_client_version(c: connection, version: string) &priority=5
	{
	set_session(c);
	c$ssh$client = version;
	}

event ssh_server_version(c: connection, version: string) &priority=5
	{
	set_session(c);
	c$ssh$server = version;

	if ( starts_with(version, "SSH-1.99") || starts_with(version, "SSH-2") )
		c$ssh$version = 2;
	else if ( starts_with(version, "SSH-1") )
		c$ssh$version = 1;
	}

event ssh_auth_attempted(c: connection, authenticated: bool) &priority=5
	{
	set_session(c);
	++c$ssh$auth_attempts;

	if ( authenticated )
		c$ssh$auth_success = T;
	}

event ssh_auth_successful(c: connection, auth_method_none: bool) &priority=5
	{
	set_session(c);
	c$ssh$auth_success = T;
	set_direction(c);
	event SSH::ssh_auth_result(c, T, c$ssh$auth_attempts);
	}

# The first algorithm of the client's list that the server also offers.
function pick(client_prefs: string_vec, server_prefs: string_vec): string
	{
	for ( i, alg in client_prefs )
		for ( j, salg in server_prefs )
			if ( alg == salg )
				return alg;

	return "";
	}

function pick_dir(client: Algorithm_Prefs, server: Algorithm_Prefs): string
	{
	if ( ! client?$client_to_server || ! server?$client_to_server )
		return "";

	return pick(client$client_to_server, server$client_to_server);
	}

event ssh_capabilities(c: connection, cookie: string, capabilities: Capabilities) &priority=5
	{
	set_session(c);

	if ( ! capabilities$is_server )
		{
		c$ssh$capabilities = capabilities;
		return;
		}

	if ( ! c$ssh?$capabilities )
		return;

	local cl = c$ssh$capabilities;
	local alg = pick(cl$kex_algorithms, capabilities$kex_algorithms);

	if ( alg != "" )
		c$ssh$kex_alg = alg;

	alg = pick(cl$server_host_key_algorithms, capabilities$server_host_key_algorithms);
	if ( alg != "" )
		c$ssh$host_key_alg = alg;

	alg = pick_dir(cl$encryption_algorithms, capabilities$encryption_algorithms);
	if ( alg != "" )
		c$ssh$cipher_alg = alg;

	alg = pick_dir(cl$mac_algorithms, capabilities$mac_algorithms);
	if ( alg != "" )
		c$ssh$mac_alg = alg;

	alg = pick_dir(cl$compression_algorithms, capabilities$compression_algorithms);
	if ( alg != "" )
		c$ssh$compression_alg = alg;
	}

event ssh_server_host_key(c: connection, hash: string) &priority=5
	{
	set_session(c);
	c$ssh$host_key_fingerprint = hash;
	}

event zeek_init() &priority=5
	{
	Log::create_stream(SSH::LOG, [$columns=Info, $ev=log_ssh, $path="ssh",
	                              $policy=log_policy]);
	Analyzer::register_for_ports(Analyzer::ANALYZER_SSH, ports);
	}
