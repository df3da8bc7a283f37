##! The MIME entities of mails as files: their ids in smtp.log, their
##! file names (from Content-Disposition or Content-Type) in files.log.

@load ./main
@load base/frameworks/files

module SMTP;

export {
	## One MIME entity being read.
	type Entity: record {
		## File name from Content-Disposition (or Content-Type's name).
		filename: string &optional;
	};

	redef record Info += {
		## The entity being read.
		entity: Entity &optional;
		## The files of the transaction's entities.
		fuids: vector of string &log &default=vector();
	};
}

# The file name of a Content-Disposition value: the last name= or
# filename= parameter, unquoted.
function entity_filename(value: string): string
	{
	local name = sub(value, /^.*[nN][aA][mM][eE][[:blank:]]*=[[:blank:]]*/, "");
	if ( /^\"/ in name )
		name = split_string_n(name, /\"/, F, 2)[1];
	return name;
	}

event mime_begin_entity(c: connection) &priority=10
	{
	if ( c?$smtp )
		c$smtp$entity = Entity();
	}

event mime_one_header(c: connection, h: mime_header_rec) &priority=5
	{
	if ( ! c?$smtp || ! c$smtp?$entity )
		return;
	if ( h$name == "CONTENT-DISPOSITION" && /[fF][iI][lL][eE][nN][aA][mM][eE]/ in h$value )
		c$smtp$entity$filename = entity_filename(h$value);
	else if ( h$name == "CONTENT-TYPE" && /[nN][aA][mM][eE][[:blank:]]*=/ in h$value )
		c$smtp$entity$filename = entity_filename(h$value);
	}

event file_over_new_connection(f: fa_file, c: connection, is_orig: bool) &priority=5
	{
	if ( f$source != "SMTP" || ! c?$smtp )
		return;
	if ( c$smtp?$entity && c$smtp$entity?$filename )
		f$info$filename = c$smtp$entity$filename;
	# files.log's depth: for SMTP, the depth of the MIME entity in the
	# mail (the message itself is 1).
	if ( c?$smtp_state )
		f$info$depth = c$smtp_state$mime_depth;
	c$smtp$fuids += f$id;
	}

event mime_end_entity(c: connection) &priority=5
	{
	if ( c?$smtp && c$smtp?$entity )
		delete c$smtp$entity;
	}
