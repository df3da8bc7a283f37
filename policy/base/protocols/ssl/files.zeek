##! The certificates of SSL/TLS connections: each goes through file
##! analysis and x509 (base/files/x509); ssl.log lists the fingerprints of
##! both sides' chains and whether the server's names the SNI host.

@load ./main
@load base/frameworks/files
@load base/files/x509

module SSL;

export {
	redef record Info += {
		## The server's certificate chain, as the files that carried it.
		cert_chain: vector of Files::Info &optional;
		## Fingerprints of the server's certificates, in chain order.
		cert_chain_fps: vector of string &optional &log;
		## The client's certificate chain.
		client_cert_chain: vector of Files::Info &optional;
		## Fingerprints of the client's certificates, in chain order.
		client_cert_chain_fps: vector of string &optional &log;
		## Subject of the server's certificate.
		subject: string &optional;
		## Issuer of the server's certificate.
		issuer: string &optional;
		## Subject of the client's certificate.
		client_subject: string &optional;
		## Issuer of the client's certificate.
		client_issuer: string &optional;
		## Whether the SNI server name matches the server's certificate.
		sni_matches_cert: bool &log &optional;
	};

	## File handles of SSL certificates come from the analyser itself.
	global get_file_handle: function(c: connection, is_orig: bool): string;

	## A certificate file's description: the server it came from.
	global describe_file: function(f: fa_file): string;
}

function get_file_handle(c: connection, is_orig: bool): string
	{
	return "";
	}

function describe_file(f: fa_file): string
	{
	if ( f$source != "SSL" || ! f?$info || ! f$info?$x509 )
		return "";

	for ( cid, c in f$conns )
		{
		if ( c?$ssl )
			return cat(c$id$resp_h, ":", c$id$resp_p);
		}

	local cert = f$info$x509$certificate;
	return cat("Serial: ", cert$serial, " Subject: ", cert$subject, " Issuer: ", cert$issuer);
	}

event zeek_init() &priority=5
	{
	Files::register_protocol(Analyzer::ANALYZER_SSL, [$get_file_handle=SSL::get_file_handle,
	                                                  $describe=SSL::describe_file]);
	}

# The analyser hands over each certificate of a Certificate message.
event SSL::__certificate(c: connection, is_orig: bool, fuid: string, der: string, user_cert: bool)
	{
	local mime = user_cert ? "application/x-x509-user-cert" : "application/x-x509-ca-cert";
	X509::analyze_certificate(c, is_orig, fuid, "SSL", der, mime);
	}

# A certificate file joins its side's chain once its type is known.
event file_sniff(f: fa_file, meta: fa_metadata) &priority=5
	{
	if ( ! f?$conns || |f$conns| != 1 || ! f?$info || ! f$info?$mime_type )
		return;

	if ( f$info$mime_type != "application/x-x509-ca-cert" && f$info$mime_type != "application/x-x509-user-cert"
	     && f$info$mime_type != "application/pkix-cert" )
		return;

	local c: connection;
	for ( cid, cc in f$conns )
		c = cc;
	if ( ! c?$ssl )
		return;

	if ( ! c$ssl?$cert_chain )
		{
		c$ssl$cert_chain = vector();
		c$ssl$client_cert_chain = vector();
		}

	if ( f$is_orig )
		c$ssl$client_cert_chain += f$info;
	else
		c$ssl$cert_chain += f$info;
	}

# Fingerprints and the SNI check, just before the record is written.
hook ssl_finishing(c: connection) &priority=20
	{
	if ( c$ssl?$cert_chain )
		{
		c$ssl$cert_chain_fps = string_vec();
		for ( i in c$ssl$cert_chain )
			if ( c$ssl$cert_chain[i]?$x509 )
				c$ssl$cert_chain_fps += c$ssl$cert_chain[i]$x509$fingerprint;
		}

	if ( c$ssl?$client_cert_chain )
		{
		c$ssl$client_cert_chain_fps = string_vec();
		for ( i in c$ssl$client_cert_chain )
			if ( c$ssl$client_cert_chain[i]?$x509 )
				c$ssl$client_cert_chain_fps += c$ssl$client_cert_chain[i]$x509$fingerprint;
		}

	if ( c$ssl?$cert_chain && |c$ssl$cert_chain| > 0 && c$ssl$cert_chain[0]?$x509 )
		{
		local x = c$ssl$cert_chain[0]$x509;
		c$ssl$subject = x$certificate$subject;
		c$ssl$issuer = x$certificate$issuer;
		if ( c$ssl?$server_name )
			c$ssl$sni_matches_cert = x509_check_cert_hostname(x$handle, c$ssl$server_name) != "";
		}

	if ( c$ssl?$client_cert_chain && |c$ssl$client_cert_chain| > 0 && c$ssl$client_cert_chain[0]?$x509 )
		{
		c$ssl$client_subject = c$ssl$client_cert_chain[0]$x509$certificate$subject;
		c$ssl$client_issuer = c$ssl$client_cert_chain[0]$x509$certificate$issuer;
		}
	}
