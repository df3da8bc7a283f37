##! smtp.log: one record per mail transaction of an SMTP session (HELO,
##! MAIL FROM, RCPT TO, the message's main headers, the last reply, the
##! relay path from its Received headers), written when the server
##! answers the end of the mail data, when a new MAIL FROM starts another
##! transaction, or when the connection goes.

@load base/utils/addrs
@load base/utils/email
@load base/utils/directions-and-hosts
@load base/frameworks/logging
@load base/frameworks/analyzer
@load base/frameworks/notice/weird
@load base/protocols/conn/removal-hooks

module SMTP;

export {
	redef enum Log::ID += { LOG };

	## Policy hook of smtp.log.
	global log_policy: Log::PolicyHook;

	type Info: record {
		## When the transaction began.
		ts: time &log;
		uid: string &log;
		id: conn_id &log;
		## The transaction's number in its session.
		trans_depth: count &log;
		## The HELO/EHLO argument.
		helo: string &log &optional;
		## The MAIL FROM address.
		mailfrom: string &log &optional;
		## The RCPT TO addresses.
		rcptto: set[string] &log &optional;
		## The message's Date, From, To, Cc, Reply-To, Message-ID,
		## In-Reply-To and Subject headers.
		date: string &log &optional;
		from: string &log &optional;
		to: set[string] &log &optional;
		cc: set[string] &log &optional;
		reply_to: string &log &optional;
		msg_id: string &log &optional;
		in_reply_to: string &log &optional;
		subject: string &log &optional;
		## The address of the X-Originating-IP header.
		x_originating_ip: addr &log &optional;
		## The last and the one-but-last Received header (the first
		## and second written on the way).
		first_received: string &log &optional;
		second_received: string &log &optional;
		## The server's last reply: code and text.
		last_reply: string &log &optional;
		## The hosts the message passed, newest first: the session's
		## two, then those of the Received headers.
		path: vector of addr &log &optional;
		## The client's mail program (X-Mailer, User-Agent).
		user_agent: string &log &optional;
		## The session switched to TLS.
		tls: bool &log &default=F;
		## Whether Received headers still extend path.
		process_received_from: bool &default=T;
		## Whether the client did anything worth logging.
		has_client_activity: bool &default=F;
	};

	## The state of an SMTP session across its transactions.
	type State: record {
		helo: string &optional;
		## Finished transactions.
		messages_transferred: count &default=0;
		## MIME entities begun in the current transaction.
		mime_depth: count &default=0;
		## BDAT commands sent and answered in the current transaction,
		## and the number of the one that said LAST (0: none yet): its
		## reply ends the transaction as the "." line's does.
		bdat_requests: count &default=0;
		bdat_replies: count &default=0;
		bdat_last: count &default=0;
	};

	## Which Received-header hosts extend path: after the first one
	## outside these (and not private), the path stops.
	option mail_path_capture = ALL_HOSTS;

	## The short description of a transaction (for files.log's
	## description and notices).
	global describe: function(rec: Info): string;

	## Raised with each smtp.log record as it is written.
	global log_smtp: event(rec: Info);

	## Logs the transaction under way when the connection goes.
	global finalize_smtp: Conn::RemovalHook;
}

redef record connection += {
	smtp: Info &optional;
	smtp_state: State &optional;
};

const ports = { 25/tcp, 587/tcp };
redef likely_server_ports += { ports };

event zeek_init() &priority=5
	{
	Log::create_stream(SMTP::LOG, [$columns=SMTP::Info, $ev=log_smtp, $path="smtp", $policy=log_policy]);
	Analyzer::register_for_ports(Analyzer::ANALYZER_SMTP, ports);
	}

# The address of a Received header: the second address in it if there
# are several (the first usually names the sending host's own view), else
# the only one, else "".
function received_address(header: string): string
	{
	local ips = extract_ip_addresses(header);
	if ( |ips| > 1 )
		return ips[1];
	if ( |ips| > 0 )
		return ips[0];
	return "";
	}

function new_transaction(c: connection): Info
	{
	local l = Info($ts=network_time(), $uid=c$uid, $id=c$id,
	               $trans_depth=c$smtp_state$messages_transferred + 1);
	if ( c$smtp_state?$helo )
		l$helo = c$smtp_state$helo;
	l$path = vector(c$id$resp_h, c$id$orig_h);
	return l;
	}

function set_session(c: connection)
	{
	if ( ! c?$smtp_state )
		c$smtp_state = State();
	if ( ! c?$smtp )
		{
		c$smtp = new_transaction(c);
		Conn::register_removal_hook(c, finalize_smtp);
		}
	}

# Writes the transaction, if the client did anything, and starts the
# next.
function write_transaction(c: connection)
	{
	if ( ! c$smtp$has_client_activity )
		return;
	Log::write(SMTP::LOG, c$smtp);
	c$smtp = new_transaction(c);
	}

event smtp_request(c: connection, is_orig: bool, command: string, arg: string) &priority=5
	{
	set_session(c);
	local cmd = to_upper(command);
	if ( cmd == "HELO" || cmd == "EHLO" )
		{
		c$smtp_state$helo = arg;
		c$smtp$helo = arg;
		}
	else if ( cmd == "RCPT" && /^[tT][oO]:/ in arg )
		{
		if ( ! c$smtp?$rcptto )
			c$smtp$rcptto = set();
		for ( a in extract_email_addrs_set(arg) )
			add c$smtp$rcptto[gsub(a, /ORCPT=rfc822;?/, "")];
		c$smtp$has_client_activity = T;
		}
	else if ( cmd == "BDAT" )
		{
		++c$smtp_state$bdat_requests;
		if ( /[[:blank:]][lL][aA][sS][tT][[:blank:]]*$/ in arg )
			c$smtp_state$bdat_last = c$smtp_state$bdat_requests;
		}
	else if ( cmd == "MAIL" && /^[fF][rR][oO][mM]:/ in arg )
		{
		# A transaction whose end the server did not acknowledge.
		write_transaction(c);
		local from = extract_first_email_addr(arg);
		if ( from != "" )
			c$smtp$mailfrom = from;
		c$smtp$has_client_activity = T;
		}
	}

event smtp_reply(c: connection, is_orig: bool, code: count, cmd: string, msg: string, cont_resp: bool) &priority=5
	{
	set_session(c);
	# Every line overwrites it: what stays is the last.
	c$smtp$last_reply = fmt("%d %s", code, msg);
	}

event smtp_reply(c: connection, is_orig: bool, code: count, cmd: string, msg: string, cont_resp: bool) &priority=-5
	{
	local end_of_data = cmd == ".";
	if ( cmd == "BDAT" && ! cont_resp && c?$smtp_state )
		{
		local s = c$smtp_state;
		++s$bdat_replies;
		if ( s$bdat_last > 0 && s$bdat_replies >= s$bdat_last )
			{
			end_of_data = T;
			s$bdat_requests = 0;
			s$bdat_replies = 0;
			s$bdat_last = 0;
			}
		}
	if ( end_of_data )
		{
		++c$smtp_state$messages_transferred;
		write_transaction(c);
		c$smtp = new_transaction(c);
		}
	}

event mime_begin_entity(c: connection) &priority=10
	{
	if ( c?$smtp_state )
		++c$smtp_state$mime_depth;
	}

event mime_one_header(c: connection, h: mime_header_rec) &priority=5
	{
	if ( ! c?$smtp )
		return;
	switch ( h$name ) {
	case "MESSAGE-ID":
		c$smtp$msg_id = h$value;
		break;
	case "RECEIVED":
		if ( c$smtp?$first_received )
			c$smtp$second_received = c$smtp$first_received;
		c$smtp$first_received = h$value;
		break;
	case "IN-REPLY-TO":
		c$smtp$in_reply_to = h$value;
		break;
	case "SUBJECT":
		c$smtp$subject = h$value;
		break;
	case "FROM":
		c$smtp$from = h$value;
		break;
	case "REPLY-TO":
		c$smtp$reply_to = h$value;
		break;
	case "DATE":
		c$smtp$date = h$value;
		break;
	case "TO":
		if ( ! c$smtp?$to )
			c$smtp$to = set();
		for ( a in split_mime_email_addresses(h$value) )
			add c$smtp$to[a];
		break;
	case "CC":
		if ( ! c$smtp?$cc )
			c$smtp$cc = set();
		for ( a in split_mime_email_addresses(h$value) )
			add c$smtp$cc[a];
		break;
	case "X-ORIGINATING-IP":
		local ips = extract_ip_addresses(h$value);
		if ( |ips| > 0 )
			c$smtp$x_originating_ip = to_addr(ips[0]);
		break;
	case "X-MAILER", "USER-AGENT", "X-USER-AGENT":
		c$smtp$user_agent = h$value;
		break;
	}
	}

# The relay path from the Received headers, until a host outside
# mail_path_capture (and not private) is seen.
event mime_one_header(c: connection, h: mime_header_rec) &priority=3
	{
	if ( ! c?$smtp || h$name != "RECEIVED" || ! c$smtp$process_received_from )
		return;
	local text = received_address(h$value);
	if ( text == "" )
		return;
	local ip = to_addr(text);
	if ( ! addr_matches_host(ip, mail_path_capture) && ! Site::is_private_addr(ip) )
		c$smtp$process_received_from = F;
	if ( c$smtp$path[|c$smtp$path| - 1] != ip )
		c$smtp$path += ip;
	}

event smtp_starttls(c: connection) &priority=5
	{
	if ( c?$smtp )
		{
		c$smtp$tls = T;
		c$smtp$has_client_activity = T;
		}
	}

hook finalize_smtp(c: connection)
	{
	if ( c?$smtp )
		write_transaction(c);
	}

function describe(rec: Info): string
	{
	if ( rec?$mailfrom && rec?$rcptto )
		{
		local one_to = "";
		for ( email in rec$rcptto )
			{
			one_to = email;
			break;
			}
		local others = |rec$rcptto| > 1 ? fmt(" (plus %d others)", |rec$rcptto| - 1) : "";
		return fmt("%s -> %s%s%s", rec$mailfrom, one_to, others,
		           rec?$subject ? fmt(": %s", rec$subject) : "");
		}
	return "";
	}
