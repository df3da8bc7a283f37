##! What the FTP analysers and built-ins use that init-bare.zeek does not
##! declare: the data channel address type, the events, and the command
##! length limit.

module FTP;

export {
	## Client command words longer than this are not commands: the line
	## is ignored (with a weird once the session is known to be FTP).
	## 0 turns the limit off.
	const max_command_length = 100 &redef;
}

module GLOBAL;

## A data channel endpoint as PORT, EPRT, PASV and EPSV give it.
type ftp_port: record {
	h: addr;	##< The address.
	p: port;	##< The TCP port.
	valid: bool;	##< Whether the text parsed.
};

## A client command: the command word in upper case and the rest of the
## line.
global ftp_request: event(c: connection, command: string, arg: string);

## A server reply line: its code (0 inside a multi-line reply), its text,
## and whether the reply goes on past this line.
global ftp_reply: event(c: connection, code: count, msg: string, cont_resp: bool);

## The server accepted AUTH TLS: the control channel is encrypted from
## here on.
global ftp_starttls: event(c: connection);

## A new connection got an analyser because it was expected
## (Analyzer::schedule_analyzer). Raised for every kind of expected
## connection, FTP's being the one in the base scripts.
global scheduled_analyzer_applied: event(c: connection, a: Analyzer::Tag);
