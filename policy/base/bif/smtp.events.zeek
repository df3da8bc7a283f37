##! What the SMTP analyser raises and reads that init-bare.zeek does not
##! declare: the SMTP events, the MIME events of mail data (Zeek keeps
##! those with its MIME analyser), and the analyser's settings.

module SMTP;

export {
	## Lines of BDAT chunks longer than this are cut, with a weird.
	const bdat_max_line_length = 4096 &redef;
	## Whether a message/rfc822 entity is itself passed to file
	## analysis (gobro passes only leaf entities).
	const enable_rfc822_msg_file_analysis = F &redef;
}

module GLOBAL;

## A client command: the command word upper-cased and its argument.
## is_orig is T unless TURN swapped the roles.
global smtp_request: event(c: connection, is_orig: bool, command: string, arg: string);

## A server reply line: its code, the command it answers (">" for the
## greeting, "." for the end of mail data), its text, and whether more
## lines of the same reply follow.
global smtp_reply: event(c: connection, is_orig: bool, code: count, cmd: string, msg: string, cont_resp: bool);

## A line of mail data (dot-unstuffed), between DATA and ".".
global smtp_data: event(c: connection, is_orig: bool, data: string);

## Something the analyser's state machine did not expect: a description
## and the line (or state) concerned.
global smtp_unexpected: event(c: connection, is_orig: bool, msg: string, detail: string);

## STARTTLS (or X-ANONYMOUSTLS) succeeded: SSL analyses the rest.
global smtp_starttls: event(c: connection);

## A MIME entity of a mail begins (the message itself, or a part).
global mime_begin_entity: event(c: connection);

## A MIME entity ends.
global mime_end_entity: event(c: connection);

## One header of the current entity.
global mime_one_header: event(c: connection, h: mime_header_rec);

## All headers of the current entity, at the empty line after them.
global mime_all_headers: event(c: connection, hlist: mime_header_list);

## A piece of the current entity's decoded body.
global mime_segment_data: event(c: connection, length: count, data: string);

## The whole decoded body of an entity, when it ends.
global mime_entity_data: event(c: connection, length: count, data: string);

## The decoded bodies of all entities of a mail, when it ends.
global mime_all_data: event(c: connection, length: count, data: string);

## A malformed message: what kind of problem, and its detail.
global mime_event: event(c: connection, event_type: string, detail: string);

## The MD5 digest of a mail's decoded content, and its length.
global mime_content_hash: event(c: connection, content_len: count, hash_value: string);
