##! The bodies of HTTP messages, and the parts of multipart bodies, as
##! files: their ids, names and MIME types in http.log.

@load ./main
@load base/frameworks/files

module HTTP;

export {
	## One MIME entity being read.
	type Entity: record {
		## File name from Content-Disposition (or Content-Type's name).
		filename: string &optional;
	};

	## Most files of a request listed in http.log (0: no limit).
	option max_files_orig = 15;
	## Most files of a reply listed in http.log (0: no limit).
	option max_files_resp = 15;

	## Runs when a message reaches its limit of listed files.
	global max_files_policy: hook(f: fa_file, is_orig: bool, max: count);

	redef record Info += {
		## The entity being read.
		current_entity: Entity &optional;
		## Files in the request.
		orig_fuids: vector of string &log &optional;
		orig_filenames: vector of string &log &optional;
		orig_mime_types: vector of string &log &optional;
		## Files in the reply.
		resp_fuids: vector of string &log &optional;
		resp_filenames: vector of string &log &optional;
		resp_mime_types: vector of string &log &optional;
		## Entities begun so far in the request and in the reply.
		orig_mime_depth: count &default=0;
		resp_mime_depth: count &default=0;
	};
}

redef record fa_file += {
	## The transaction whose body the file is.
	http: HTTP::Info &optional;
};

# The file name in a Content-Disposition value: the last name= or
# filename= parameter, unquoted, without an RFC 2231 charset prefix.
function filename_of(value: string): string
	{
	local name = sub(value, /^.*[nN][aA][mM][eE][[:blank:]]*\*?=[[:blank:]]*/, "");
	if ( /^\"/ in name )
		name = split_string_n(name, /\"/, F, 2)[1];
	if ( /^[a-zA-Z0-9\!#$%&+\-\^_`{}~]+'[a-zA-Z0-9\!#$%&+\-\^_`{}~]*'/ in name )
		name = sub(name, /^[a-zA-Z0-9\!#$%&+\-\^_`{}~]+'[a-zA-Z0-9\!#$%&+\-\^_`{}~]*'/, "");
	return unescape_URI(name);
	}

event http_begin_entity(c: connection, is_orig: bool) &priority=10
	{
	set_state(c, is_orig);

	if ( is_orig )
		++c$http$orig_mime_depth;
	else
		++c$http$resp_mime_depth;

	c$http$current_entity = Entity();
	}

event http_header(c: connection, is_orig: bool, name: string, value: string) &priority=3
	{
	if ( ! c$http?$current_entity )
		return;

	if ( name == "CONTENT-DISPOSITION" && /[fF][iI][lL][eE][nN][aA][mM][eE]/ in value )
		c$http$current_entity$filename = filename_of(value);
	else if ( name == "CONTENT-TYPE" && /[nN][aA][mM][eE][[:blank:]]*=/ in value )
		c$http$current_entity$filename = filename_of(value);
	}

event file_over_new_connection(f: fa_file, c: connection, is_orig: bool) &priority=5
	{
	if ( f$source != "HTTP" || ! c?$http )
		return;

	f$http = c$http;

	if ( c$http?$current_entity && c$http$current_entity?$filename )
		f$info$filename = c$http$current_entity$filename;

	local n = 0;
	if ( is_orig && c$http?$orig_fuids )
		n = |c$http$orig_fuids|;
	if ( ! is_orig && c$http?$resp_fuids )
		n = |c$http$resp_fuids|;

	local max = is_orig ? max_files_orig : max_files_resp;
	if ( max > 0 && n == max )
		hook max_files_policy(f, is_orig, max);
	if ( max > 0 && n >= max )
		return;

	if ( is_orig )
		{
		if ( ! c$http?$orig_fuids )
			c$http$orig_fuids = vector();
		c$http$orig_fuids += f$id;
		if ( f$info?$filename )
			{
			if ( ! c$http?$orig_filenames )
				c$http$orig_filenames = vector();
			c$http$orig_filenames += f$info$filename;
			}
		}
	else
		{
		if ( ! c$http?$resp_fuids )
			c$http$resp_fuids = vector();
		c$http$resp_fuids += f$id;
		if ( f$info?$filename )
			{
			if ( ! c$http?$resp_filenames )
				c$http$resp_filenames = vector();
			c$http$resp_filenames += f$info$filename;
			}
		}
	}

event file_sniff(f: fa_file, meta: fa_metadata) &priority=5
	{
	if ( ! f?$http || ! f?$is_orig || ! meta?$mime_type )
		return;

	if ( f$is_orig )
		{
		if ( ! f$http?$orig_mime_types )
			f$http$orig_mime_types = vector();
		f$http$orig_mime_types += meta$mime_type;
		}
	else
		{
		if ( ! f$http?$resp_mime_types )
			f$http$resp_mime_types = vector();
		f$http$resp_mime_types += meta$mime_type;
		}
	}

event http_end_entity(c: connection, is_orig: bool) &priority=5
	{
	if ( c?$http && c$http?$current_entity )
		delete c$http$current_entity;
	}
