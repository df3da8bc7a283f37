##! Finding URLs in free text and taking a URI apart.

## What a URL looks like in text: a scheme of three to five letters,
## "://", a host of dot-separated labels and an optional path up to the
## next blank. The leading ^ holds wherever find_all tries the pattern,
## so every URL of a text is found. (Zeek's default value.)
const url_regex = /^([a-zA-Z\-]{3,5}):\/\/(-\.)?([^[:blank:]\/?\.#-]+\.?)+(\/[^[:blank:]]*)?/ &redef;

## A URI as decompose_uri takes it apart.
type URI: record {
	## The scheme ("http"), when the URI has one.
	scheme: string &optional;
	## The host name or address, "" when the URI has none.
	netlocation: string;
	## The port written after the host, if any.
	portnum: count &optional;
	## The path including the file name, "/" when there is none.
	path: string;
	## The last path segment, when it is not empty.
	file_name: string &optional;
	## file_name up to its last dot, when it has one.
	file_base: string &optional;
	## file_name after its last dot, when it has one.
	file_ext: string &optional;
	## The query's parameters, key to value ("" for a key without "="),
	## when the URI has a query.
	params: table[string] of string &optional;
};

## The URLs url_regex finds in s.
function find_all_urls(s: string): string_set
	{
	return find_all(s, url_regex);
	}

## The URLs url_regex finds in s, each without its "scheme://", as the
## intel framework keeps URL indicators.
function find_all_urls_without_scheme(s: string): string_set
	{
	local out: string_set = set();
	for ( url in find_all_urls(s) )
		add out[sub(url, /^[a-zA-Z\-]{3,5}:\/\//, "")];
	return out;
	}

## Takes uri apart into its scheme, host, port, path, file name and query
## parameters.
function decompose_uri(uri: string): URI
	{
	local u = URI($netlocation="", $path="/");
	local rest = uri;

	local parts = split_string1(rest, /:\/\//);
	if ( |parts| == 2 )
		{
		u$scheme = parts[0];
		rest = parts[1];
		}

	parts = split_string1(rest, /\?/);
	if ( |parts| == 2 )
		{
		rest = parts[0];
		u$params = table();
		for ( _, kv in split_string(parts[1], /&/) )
			{
			local p = split_string1(kv, /=/);
			u$params[p[0]] = |p| == 2 ? p[1] : "";
			}
		}

	# Without a scheme, a URI not starting with "/" begins with its host.
	if ( u?$scheme || rest[0:1] != "/" )
		{
		parts = split_string1(rest, /\//);
		local host = parts[0];
		rest = |parts| == 2 ? "/" + parts[1] : "/";
		local hp = split_string1(host, /:/);
		if ( |hp| == 2 && /^[0-9]+$/ == hp[1] )
			{
			host = hp[0];
			u$portnum = to_count(hp[1]);
			}
		u$netlocation = host;
		}

	if ( rest != "" )
		u$path = rest;

	local segments = split_string(u$path, /\//);
	local last = segments[|segments| - 1];
	if ( last != "" )
		{
		u$file_name = last;
		local ext = find_last(last, /\.[^.]*/);
		if ( ext != "" )
			{
			u$file_base = last[0:|last| - |ext|];
			u$file_ext = ext[1:];
			}
		}
	return u;
	}
