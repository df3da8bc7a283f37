##! Helpers for HTTP records: the URL of a transaction.

@load ./main
@load base/utils/addrs

module HTTP;

export {
	## The keys of "key=value" pairs in data, split by kv_splitter.
	global extract_keys: function(data: string, kv_splitter: pattern): string_vec;

	## The URL of a transaction without its scheme: host (with the port
	## when it is not 80), then the URI. A URI that is a whole URL (a
	## proxy request) is returned as it is.
	global build_url: function(rec: Info): string;

	## The URL with "http://" in front.
	global build_url_http: function(rec: Info): string;

	## A short description of a transaction: its URL.
	global describe: function(rec: Info): string;
}

function extract_keys(data: string, kv_splitter: pattern): string_vec
	{
	local keys: string_vec = vector();
	for ( _, part in split_string(data, kv_splitter) )
		{
		local kv = split_string1(part, /=/);
		if ( 0 in kv )
			keys += kv[0];
		}
	return keys;
	}

function build_url(rec: Info): string
	{
	local uri = rec?$uri ? rec$uri : "/<missed_request>";
	if ( strstr(uri, "://") != 0 )
		return uri;

	local host = rec?$host ? rec$host : addr_to_uri(rec$id$resp_h);
	local p = port_to_count(rec$id$resp_p);
	if ( p != 80 )
		host = fmt("%s:%d", host, p);
	return fmt("%s%s", host, uri);
	}

function build_url_http(rec: Info): string
	{
	return fmt("http://%s", build_url(rec));
	}

function describe(rec: Info): string
	{
	return build_url_http(rec);
	}
