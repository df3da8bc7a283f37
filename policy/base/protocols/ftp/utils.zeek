##! URLs of the files an FTP session names.

@load ./info
@load base/utils/addrs
@load base/utils/paths

module FTP;

export {
	## The URL of rec's argument, without "ftp://": the server's address
	## and the argument's path resolved against the working directory.
	global build_url: function(rec: Info): string;

	## build_url with "ftp://" in front.
	global build_url_ftp: function(rec: Info): string;

	## A one-line description of rec (its URL).
	global describe: function(rec: Info): string;
}

function build_url(rec: Info): string
	{
	if ( ! rec?$arg )
		return "";

	local path = build_path_compressed(rec$cwd, rec$arg);
	if ( path[0] != "/" )
		path = "/" + path;

	return addr_to_uri(rec$id$resp_h) + path;
	}

function build_url_ftp(rec: Info): string
	{
	return "ftp://" + build_url(rec);
	}

function describe(rec: Info): string
	{
	return build_url_ftp(rec);
	}
