##! Reports HTTP request headers to the intel framework: the Host (as an
##! address or a domain), Referer (URL), User-Agent (software) and
##! X-Forwarded-For (addresses).

@load base/frameworks/intel
@load base/protocols/http
@load base/utils/addrs
@load ./where-locations

event http_header(c: connection, is_orig: bool, name: string, value: string)
	{
	local host: string;

	if ( ! is_orig )
		return;

	switch ( name ) {
	case "HOST":
		# Drop a trailing port; keep bracketed IPv6 addresses whole.
		host = sub(value, /:[0-9]+$/, "");
		host = sub(sub(host, /^\[/, ""), /\]$/, "");

		if ( is_valid_ip(host) )
			Intel::seen([$host=to_addr(host), $indicator_type=Intel::ADDR,
			             $conn=c, $where=HTTP::IN_HOST_HEADER]);
		else
			Intel::seen([$indicator=host, $indicator_type=Intel::DOMAIN,
			             $conn=c, $where=HTTP::IN_HOST_HEADER]);
		break;

	case "REFERER":
		# Intel URLs carry no scheme.
		Intel::seen([$indicator=sub(value, /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//, ""),
		             $indicator_type=Intel::URL, $conn=c,
		             $where=HTTP::IN_REFERRER_HEADER]);
		break;

	case "X-FORWARDED-FOR":
		for ( i, a in extract_ip_addresses(value) )
			Intel::seen([$host=to_addr(a), $indicator_type=Intel::ADDR, $conn=c,
			             $where=HTTP::IN_X_FORWARDED_FOR_HEADER]);
		break;

	case "USER-AGENT":
		Intel::seen([$indicator=value, $indicator_type=Intel::SOFTWARE, $conn=c,
		             $where=HTTP::IN_USER_AGENT_HEADER]);
		break;
	}
	}
