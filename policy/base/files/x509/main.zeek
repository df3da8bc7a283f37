##! X.509 certificates: their parsed fields, extensions and fingerprint,
##! and x509.log, one line per certificate (repeats of a certificate in
##! the same role are left out for a day, see relog_known_certificates_after).

@load base/frameworks/logging
@load base/frameworks/files

module X509;

export {
	redef enum Log::ID += { LOG };

	## Policy hook of x509.log.
	global log_policy: Log::PolicyHook;

	## The fields of a certificate.
	type Certificate: record {
		version: count &log;	##< Version number (3 for v3).
		serial: string &log;	##< Serial number, hex.
		subject: string &log;	##< Subject, RFC 2253 style.
		issuer: string &log;	##< Issuer, RFC 2253 style.
		cn: string &optional;	##< The subject's (first) common name.
		not_valid_before: time &log;	##< Start of validity.
		not_valid_after: time &log;	##< End of validity.
		key_alg: string &log;	##< Public key algorithm.
		sig_alg: string &log;	##< Signature algorithm.
		key_type: string &optional &log;	##< rsa, dsa or ecdsa.
		key_length: count &optional &log;	##< Key length in bits.
		exponent: string &optional &log;	##< RSA exponent.
		curve: string &optional &log;	##< Named curve of an EC key.
		tbs_sig_alg: string;	##< Signature algorithm named inside the signed part.
	};

	## One certificate extension.
	type Extension: record {
		name: string;	##< Long name (or OID).
		short_name: string &optional;	##< Short name, when known.
		oid: string;	##< OID, dotted.
		critical: bool;	##< Whether it is critical.
		value: string;	##< The value, as text.
	};

	## The basic constraints extension.
	type BasicConstraints: record {
		ca: bool &log;	##< Whether the certificate is a CA's.
		path_len: count &optional &log;	##< Maximum path length.
	} &log;

	## The subject alternative name extension: each kind's names, when
	## the kind occurs.
	type SubjectAlternativeName: record {
		dns: string_vec &optional &log;
		uri: string_vec &optional &log;
		email: string_vec &optional &log;
		ip: addr_vec &optional &log;
		## Whether names of other kinds occurred.
		other_fields: bool;
	};

	## The result of a verification.
	type Result: record {
		result: int;
		result_string: string;
		chain_certs: vector of opaque of x509 &optional;
	};

	## Internal: what X509::__extensions finds in a certificate.
	type Extensions: record {
		all: vector of Extension &default=vector();
		basic_constraints: BasicConstraints &optional;
		san: SubjectAlternativeName &optional;
	};

	## The fingerprint of a certificate's DER: SHA-256 by default (it is
	## also what ssl.log's cert_chain_fps show).
	option hash_function: function(cert: string): string = function(cert: string): string
		{
		return sha256_hash(cert);
		};

	## Whether certificates also go to files.log.
	option log_x509_in_files_log: bool = F;

	## What makes two x509.log lines repeats of each other.
	type LogCertHash: record {
		fingerprint: string;	##< The certificate.
		host_cert: bool;	##< Whether it was a host's own certificate.
		client_cert: bool;	##< Whether the client sent it.
	};

	## One x509.log record.
	type Info: record {
		## When the certificate was seen.
		ts: time &log;
		## Its fingerprint (hash_function).
		fingerprint: string &log;
		## Its fields.
		certificate: X509::Certificate &log;
		## The certificate itself, for the x509_* built-ins.
		handle: opaque of x509;
		## All its extensions.
		extensions: vector of X509::Extension &default=vector();
		## Its subject alternative names.
		san: X509::SubjectAlternativeName &optional &log;
		## Its basic constraints.
		basic_constraints: X509::BasicConstraints &optional &log;
		## Extensions in the order they were raised (internal).
		extensions_cache: vector of any &default=vector();
		## Whether it was the end host's certificate (first of a chain).
		host_cert: bool &log &default=F;
		## Whether the client sent it.
		client_cert: bool &log &default=F;
		## Its identity for de-duplication (create_deduplication_index).
		deduplication_index: LogCertHash &optional;
	};

	## Sets i$deduplication_index; leave it unset to log i regardless.
	global create_deduplication_index: hook(i: X509::Info);

	## A certificate seen again in the same role within this time is not
	## logged again; 0secs logs every one.
	option relog_known_certificates_after = 1day;

	## The certificates logged recently.
	global known_log_certs: set[LogCertHash] &create_expire=relog_known_certificates_after;

	## known_log_certs grows no larger than this.
	option known_log_certs_maximum_size = 1000000;

	## Raised with every x509.log record.
	global log_x509: event(rec: Info);

	## Analyses a certificate a protocol analyser extracted (source names
	## it, fuid is its file id), raising the events file analysis with the
	## X509 and hash analysers raises: file_new, file_over_new_connection,
	## file_sniff (with mime_type), x509_certificate, x509_extension per
	## extension, x509_ext_basic_constraints, x509_ext_subject_alternative_name,
	## file_hash (md5, sha1, sha256) and file_state_remove.
	global analyze_certificate: function(c: connection, is_orig: bool, fuid: string, source: string,
	                                     der: string, mime_type: string);
}

module GLOBAL;

## A certificate was parsed.
global x509_certificate: event(f: fa_file, cert_ref: opaque of x509, cert: X509::Certificate);
## A certificate has an extension.
global x509_extension: event(f: fa_file, ext: X509::Extension);
## A certificate has the basic constraints extension.
global x509_ext_basic_constraints: event(f: fa_file, ext: X509::BasicConstraints);
## A certificate has the subject alternative name extension.
global x509_ext_subject_alternative_name: event(f: fa_file, ext: X509::SubjectAlternativeName);

module X509;

redef record Files::Info += {
	## The certificate's x509.log record, filled as its events come.
	x509: X509::Info &optional;
};

event zeek_init() &priority=5
	{
	Log::create_stream(X509::LOG, [$columns=Info, $ev=log_x509, $path="x509", $policy=log_policy]);
	}

# Certificates stay out of files.log unless asked for.
hook Files::log_policy(rec: Files::Info, id: Log::ID, filter: Log::Filter) &priority=5
	{
	if ( ! log_x509_in_files_log && "X509" in rec$analyzers )
		break;
	}

function analyze_certificate(c: connection, is_orig: bool, fuid: string, source: string,
                             der: string, mime_type: string)
	{
	local conns: table[conn_id] of connection = table();
	conns[c$id] = c;
	local f = fa_file($id=fuid, $source=source, $is_orig=is_orig, $conns=conns,
	                  $last_active=network_time(), $seen_bytes=|der|, $total_bytes=|der|);
	f$bof_buffer = sub_bytes(der, 1, f$bof_buffer_size);
	Files::set_info(f);
	for ( a in set("X509", "MD5", "SHA1", "SHA256") )
		add f$info$analyzers[a];

	event file_new(f);
	event file_over_new_connection(f, c, is_orig);
	event file_sniff(f, fa_metadata($mime_type=mime_type, $inferred=F));

	local ref = x509_from_der(der);
	if ( X509::__readable(ref) )
		{
		local exts = X509::__extensions(ref);
		event x509_certificate(f, ref, x509_parse(ref));
		for ( i in exts$all )
			event x509_extension(f, exts$all[i]);
		if ( exts?$basic_constraints )
			event x509_ext_basic_constraints(f, exts$basic_constraints);
		if ( exts?$san )
			event x509_ext_subject_alternative_name(f, exts$san);
		}
	else
		event file_weird("x509_cert_parse_error", f, "", "X509");

	event file_hash(f, "md5", md5_hash(der));
	event file_hash(f, "sha1", sha1_hash(der));
	event file_hash(f, "sha256", sha256_hash(der));
	event file_state_remove(f);
	}

hook create_deduplication_index(i: X509::Info)
	{
	if ( i?$deduplication_index || relog_known_certificates_after == 0secs )
		return;

	i$deduplication_index = LogCertHash($fingerprint=i$fingerprint, $host_cert=i$host_cert,
	                                    $client_cert=i$client_cert);
	}

event x509_certificate(f: fa_file, cert_ref: opaque of x509, cert: X509::Certificate) &priority=5
	{
	Files::set_info(f);
	f$info$x509 = Info($ts=f$info$ts, $fingerprint=hash_function(x509_get_certificate_string(cert_ref)),
	                   $certificate=cert, $handle=cert_ref);
	# The analyser marks the first certificate of a chain as the "user"
	# (end host) certificate.
	if ( f$info?$mime_type && f$info$mime_type == "application/x-x509-user-cert" )
		f$info$x509$host_cert = T;
	if ( f?$is_orig && f$is_orig )
		f$info$x509$client_cert = T;
	}

event x509_extension(f: fa_file, ext: X509::Extension) &priority=5
	{
	if ( ! f?$info || ! f$info?$x509 )
		return;

	f$info$x509$extensions += ext;
	f$info$x509$extensions_cache += ext;
	}

event x509_ext_basic_constraints(f: fa_file, ext: X509::BasicConstraints) &priority=5
	{
	if ( ! f?$info || ! f$info?$x509 )
		return;

	f$info$x509$basic_constraints = ext;
	f$info$x509$extensions_cache += ext;
	}

event x509_ext_subject_alternative_name(f: fa_file, ext: X509::SubjectAlternativeName) &priority=5
	{
	if ( ! f?$info || ! f$info?$x509 )
		return;

	f$info$x509$san = ext;
	f$info$x509$extensions_cache += ext;
	}

event file_state_remove(f: fa_file) &priority=5
	{
	if ( ! f?$info || ! f$info?$x509 )
		return;

	local info = f$info$x509;
	if ( ! info?$deduplication_index )
		hook create_deduplication_index(info);

	if ( info?$deduplication_index )
		{
		if ( info$deduplication_index in known_log_certs )
			return;
		if ( |known_log_certs| < known_log_certs_maximum_size )
			add known_log_certs[info$deduplication_index];
		}

	Log::write(X509::LOG, info);
	}
