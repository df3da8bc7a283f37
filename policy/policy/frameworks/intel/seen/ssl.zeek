##! Reports the server names that TLS clients ask for (SNI) to the intel
##! framework.

@load base/frameworks/intel
@load base/protocols/ssl
@load ./where-locations

event ssl_extension_server_name(c: connection, is_client: bool, names: string_vec)
	{
	if ( ! is_client )
		return;

	for ( i, name in names )
		Intel::seen([$indicator=name, $indicator_type=Intel::DOMAIN, $conn=c,
		             $where=SSL::IN_SERVER_NAME]);
	}
