##! known_certs.log: the certificates servers present, once per day per
##! server address and certificate. Like known hosts, the certificates
##! seen are remembered in a Broker store (the Bro 2.6 default) or in a
##! plain set.

@load base/utils/directions-and-hosts
@load base/frameworks/cluster
@load base/protocols/ssl
@load base/files/x509
@load base/files/hash

module Known;

export {
	redef enum Log::ID += { CERTS_LOG };

	## Policy hook of known_certs.log.
	global log_policy_certs: Log::PolicyHook;

	## One known_certs.log record.
	type CertsInfo: record {
		## When the certificate was seen.
		ts: time &log;
		## The server that presented it.
		host: addr &log;
		## The server's port.
		port_num: port &log &optional;
		## The certificate's subject.
		subject: string &log &optional;
		## Its issuer's subject.
		issuer_subject: string &log &optional;
		## Its serial number.
		serial: string &log &optional;
	};

	## Which servers' certificates are tracked.
	option cert_tracking = LOCAL_HOSTS;

	## Keep known certificates in a Broker store rather than in
	## Known::certs (T as in Bro 2.6).
	const use_cert_store = T &redef;

	## A store key: a server address and a certificate's SHA-1 hash.
	type AddrCertHashPair: record {
		host: addr;
		hash: string;
	};

	## Name of the store. In Bro-compat mode it is Bro 2.6's
	## "bro/known/certs", otherwise current Zeek's "zeek/known/certs".
	## gobro runs in Bro-compat mode when a script from outside the
	## bundled tree is a .bro file (a Bro 2.x site script such as
	## local.bro), or when a script handles bro_init, bro_done or
	## bro_script_loaded (gobro_bro_compat() tells). So a Bro 2.6 site
	## script's "redef Cluster::stores += { [Known::cert_store_name] = ... }"
	## configures bro/known/certs, as it did under Bro. Redefining the
	## name overrides the rule; and if the name is left at
	## "zeek/known/certs" while Cluster::stores has an entry for
	## "bro/known/certs", that store is used.
	const cert_store_name = gobro_bro_compat() ? "bro/known/certs" : "zeek/known/certs" &redef;

	## The store, once created.
	global cert_store: Cluster::StoreInfo;

	## The store, once created (the same record, current Zeek's name).
	global cert_broker_store: Cluster::StoreInfo;

	## How long a certificate stays known in the store.
	const cert_store_expiry = 1day &redef;

	## How long to wait for the store's answer before logging anyway.
	option cert_store_timeout = 15sec;

	## Certificates seen recently (server, SHA-1), when the store is not
	## used.
	global certs: set[addr, string] &create_expire=1day &redef;

	## Raised with every known_certs.log record.
	global log_known_certs: event(rec: CertsInfo);
}

event zeek_init() &priority=5
	{
	Log::create_stream(Known::CERTS_LOG, [$columns=CertsInfo, $ev=log_known_certs,
	                                      $path="known_certs", $policy=log_policy_certs]);
	}

event zeek_init()
	{
	if ( ! use_cert_store )
		return;

	local name = cert_store_name;

	if ( name == "zeek/known/certs" && "bro/known/certs" in Cluster::stores )
		name = "bro/known/certs";

	cert_store = Cluster::create_store(name);
	cert_broker_store = cert_store;
	}

# Logs a certificate seen on a server, the first time in the store's
# expiry period.
function cert_found(info: CertsInfo, hash: string)
	{
	if ( use_cert_store )
		{
		local key = AddrCertHashPair($host=info$host, $hash=hash);

		when [info, key] ( local r = Broker::put_unique(Known::cert_store$store, key, T,
		                                                 Known::cert_store_expiry) )
			{
			if ( r$status == Broker::SUCCESS )
				{
				if ( r$result as bool )
					Log::write(Known::CERTS_LOG, info);
				}
			else
				Reporter::error(fmt("%s: data store put_unique failure",
				                    Known::cert_store$name));
			}
		timeout Known::cert_store_timeout
			{
			Log::write(Known::CERTS_LOG, info);
			}
		return;
		}

	if ( [info$host, hash] in Known::certs )
		return;

	add Known::certs[info$host, hash];
	Log::write(Known::CERTS_LOG, info);
	}

event ssl_established(c: connection) &priority=3
	{
	if ( ! c?$ssl || ! c$ssl?$cert_chain || |c$ssl$cert_chain| == 0 )
		return;

	# The server's own certificate comes first.
	local f = c$ssl$cert_chain[0];

	if ( ! f?$x509 || ! f?$sha1 )
		return;

	local host = c$id$resp_h;

	if ( ! addr_matches_host(host, cert_tracking) )
		return;

	local cert = f$x509$certificate;
	cert_found(CertsInfo($ts=network_time(), $host=host, $port_num=c$id$resp_p,
	                     $subject=cert$subject, $issuer_subject=cert$issuer,
	                     $serial=cert$serial), f$sha1);
	}
