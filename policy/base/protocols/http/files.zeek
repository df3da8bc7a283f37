##! HTTP's part in file analysis: what makes data of HTTP bodies one file.

@load ./main
@load ./entities
@load ./utils
@load base/utils/conn-ids
@load base/frameworks/files

module HTTP;

export {
	## The handle of the next file of a connection direction.
	global get_file_handle: function(c: connection, is_orig: bool): string;

	## The URL a file came from.
	global describe_file: function(f: fa_file): string;
}

function get_file_handle(c: connection, is_orig: bool): string
	{
	if ( ! c?$http )
		return "";

	# The pieces of a reply to range requests are parts of one file,
	# whichever connection or transaction carried them.
	if ( c$http$range_request && ! is_orig )
		return cat(Analyzer::ANALYZER_HTTP, is_orig, c$id$orig_h, build_url(c$http));

	local depth = is_orig ? c$http$orig_mime_depth : c$http$resp_mime_depth;
	return cat(Analyzer::ANALYZER_HTTP, c$start_time, is_orig,
	           c$http$trans_depth, depth, id_string(c$id));
	}

function describe_file(f: fa_file): string
	{
	if ( f$source != "HTTP" || ! f?$conns )
		return "";

	for ( _, c in f$conns )
		{
		if ( c?$http )
			return build_url_http(c$http);
		}
	return "";
	}

event zeek_init() &priority=5
	{
	Files::register_protocol(Analyzer::ANALYZER_HTTP,
	                         Files::ProtoRegistration($get_file_handle=HTTP::get_file_handle,
	                                                  $describe=HTTP::describe_file));
	}
