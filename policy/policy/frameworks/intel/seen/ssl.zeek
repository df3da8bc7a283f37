##! Reports the server names that TLS clients ask for (SNI) to the intel
##! framework, and the common name of the server's certificate once the
##! session is established.

@load base/frameworks/intel
@load base/protocols/ssl
@load ./where-locations

event ssl_extension_server_name(c: connection, is_client: bool, names: string_vec)
	{
	if ( ! is_client )
		return;

	for ( i, name in names )
		{
		# Some clients put an address where the name belongs.
		if ( is_valid_ip(name) )
			Intel::seen([$host=to_addr(name), $conn=c, $where=SSL::IN_SERVER_NAME]);
		else
			Intel::seen([$indicator=name, $indicator_type=Intel::DOMAIN, $conn=c,
			             $where=SSL::IN_SERVER_NAME]);
		}
	}

event ssl_established(c: connection)
	{
	if ( ! c?$ssl || ! c$ssl?$cert_chain || |c$ssl$cert_chain| == 0 )
		return;

	local host_cert = c$ssl$cert_chain[0];

	if ( host_cert?$x509 && host_cert$x509$certificate?$cn )
		Intel::seen([$indicator=host_cert$x509$certificate$cn,
		             $indicator_type=Intel::DOMAIN, $fuid=host_cert$fuid, $conn=c,
		             $where=X509::IN_CERT]);
	}
