##! Helpers for HTTP records.

@load ./main
@load base/utils/addrs

module HTTP;

export {
	## The URL of a transaction without the scheme ("host/path").
	global build_url: function(rec: Info): string;

	## The URL of a transaction with "http://" in front.
	global build_url_http: function(rec: Info): string;
}

function build_url(rec: Info): string
	{
	local uri = rec?$uri ? rec$uri : "/<missed_request>";
	local host = rec?$host ? rec$host : addr_to_uri(rec$id$resp_h);

	if ( rec$id$resp_p != 80/tcp && ! rec?$host )
		host = fmt("%s:%d", host, port_to_count(rec$id$resp_p));

	return host + uri;
	}

function build_url_http(rec: Info): string
	{
	return "http://" + build_url(rec);
	}
