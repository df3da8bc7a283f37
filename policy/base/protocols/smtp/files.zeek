##! File handles of mail entities: one file per entity of a transaction.

@load ./main
@load ./entities
@load base/utils/conn-ids
@load base/frameworks/files

module SMTP;

export {
	## The file handle of the current entity.
	global get_file_handle: function(c: connection, is_orig: bool): string;

	## The description of a file carried by a mail.
	global describe_file: function(f: fa_file): string;
}

function get_file_handle(c: connection, is_orig: bool): string
	{
	return cat(Analyzer::ANALYZER_SMTP, c$start_time, c$smtp$trans_depth,
	           c$smtp_state$mime_depth);
	}

function describe_file(f: fa_file): string
	{
	if ( f$source != "SMTP" )
		return "";
	for ( _, c in f$conns )
		return c?$smtp ? SMTP::describe(c$smtp) : "";
	return "";
	}

event zeek_init() &priority=5
	{
	Files::register_protocol(Analyzer::ANALYZER_SMTP,
	                         Files::ProtoRegistration($get_file_handle=SMTP::get_file_handle,
	                                                  $describe=SMTP::describe_file));
	}
