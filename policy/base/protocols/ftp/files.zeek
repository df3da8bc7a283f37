##! FTP data channels as files: a data connection's bytes, per direction,
##! are one file, tied to the session that expected the connection.

@load ./info
@load ./main
@load ./utils
@load base/utils/conn-ids
@load base/frameworks/files

module FTP;

export {
	## The file handle of a data connection's direction ("" for a
	## connection no session expected).
	global get_file_handle: function(c: connection, is_orig: bool): string;

	## A file's description: its session's URL.
	global describe_file: function(f: fa_file): string;

	redef record fa_file += {
		ftp: FTP::Info &optional;
	};
}

function get_file_handle(c: connection, is_orig: bool): string
	{
	if ( [c$id$resp_h, c$id$resp_p] !in ftp_data_expected )
		return "";

	return cat(Analyzer::ANALYZER_FTP_DATA, c$start_time, c$id, is_orig);
	}

function describe_file(f: fa_file): string
	{
	if ( f$source != "FTP" )
		return "";

	for ( _, c in f$conns )
		if ( c?$ftp )
			return FTP::describe(c$ftp);

	return "";
	}

event zeek_init() &priority=5
	{
	Files::register_protocol(Analyzer::ANALYZER_FTP_DATA,
	                         Files::ProtoRegistration($get_file_handle=FTP::get_file_handle,
	                                                  $describe=FTP::describe_file));
	}

event file_over_new_connection(f: fa_file, c: connection, is_orig: bool) &priority=5
	{
	if ( [c$id$resp_h, c$id$resp_p] !in ftp_data_expected )
		return;

	local s = ftp_data_expected[c$id$resp_h, c$id$resp_p];
	s$fuid = f$id;
	f$ftp = s;
	}

event file_sniff(f: fa_file, meta: fa_metadata) &priority=5
	{
	if ( f?$ftp && meta?$mime_type )
		f$ftp$mime_type = meta$mime_type;
	}
