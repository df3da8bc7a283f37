##! ftp.log: one record per logged command (transfers and data channel
##! set-ups by default) with its reply, the session's user and password,
##! and for transfers the file's URL, size and id. The data channels the
##! commands announce are expected, so that their connections get the
##! FTP_DATA analyser and the "ftp-data" service.

@load ./info
@load ./utils
@load ./utils-commands
@load base/utils/paths
@load base/utils/numbers
@load base/utils/addrs
@load base/frameworks/logging
@load base/frameworks/analyzer
@load base/frameworks/notice/weird
@load base/protocols/conn/removal-hooks

module FTP;

export {
	redef enum Log::ID += { LOG };

	## Policy hook of ftp.log.
	global log_policy: Log::PolicyHook;

	## The commands logged, each with its reply.
	option logged_commands = {
		"APPE", "DELE", "RETR", "STOR", "STOU", "ACCT", "PORT", "PASV", "EPRT",
		"EPSV"
	};

	## User names of anonymous logins, whose passwords are logged.
	option guest_ids = { "anonymous", "ftp", "ftpuser", "guest" };

	## A reply code's three digits.
	type ReplyCode: record {
		x: count;
		y: count;
		z: count;
	};

	## Splits a reply code into its digits.
	global parse_ftp_reply_code: function(code: count): ReplyCode;

	## Raised with each ftp.log record as it is written.
	global log_ftp: event(rec: Info);

	## Logs what is left of a session when its connection goes.
	global finalize_ftp: Conn::RemovalHook;

	## Forgets a data channel when its connection goes.
	global finalize_ftp_data: hook(c: connection);

	## How many commands may wait for replies; more are not queued
	## (weird FTP_too_many_pending_commands).
	option max_pending_commands = 20;

	## Longer user names are cut (weird FTP_user_too_long).
	option max_user_length = 128;

	## Longer passwords are cut (weird FTP_password_too_long).
	option max_password_length = 128;

	## Longer arguments are cut in the log (weird FTP_arg_too_long).
	option max_arg_length = 4096;

	## Longer reply texts are cut in the log (weird
	## FTP_reply_msg_too_long).
	option max_reply_msg_length = 4096;
}

redef record connection += {
	ftp: Info &optional;
	## Whether an ftp-data connection was reused.
	ftp_data_reuse: bool &default=F;
};

const ports = { 21/tcp, 2811/tcp };
redef likely_server_ports += { ports };

event zeek_init() &priority=5
	{
	Log::create_stream(FTP::LOG, [$columns=Info, $ev=log_ftp, $path="ftp",
	                              $policy=log_policy]);
	Analyzer::register_for_ports(Analyzer::ANALYZER_FTP, ports);
	}

## The sessions whose data channels are expected, by the data
## connection's responder.
global ftp_data_expected: table[addr, port] of Info &read_expire=5mins;

## Commands whose argument names a file or directory (logged as a URL).
const file_cmds = {
	"APPE", "CWD", "DELE", "MKD", "RETR", "RMD", "RNFR", "RNTO",
	"STOR", "STOU", "REST", "SIZE", "MDTM",
};

## Commands that tell or change the working directory, with the reply
## code of success.
const directory_cmds = {
	["CWD",  250],
	["CDUP", 200],
	["CDUP", 250],
	["PWD",  257],
	["XPWD", 257],
};

function parse_ftp_reply_code(code: count): ReplyCode
	{
	return ReplyCode($x=(code / 100) % 10, $y=(code / 10) % 10, $z=code % 10);
	}

# The session of c, made with its first command or reply. The server's
# greeting answers a command nobody sent: <init>.
function set_ftp_session(c: connection)
	{
	if ( c?$ftp )
		return;

	c$ftp = Info($ts=network_time(), $uid=c$uid, $id=c$id,
	             $pending_commands=PendingCmds());
	Conn::register_removal_hook(c, finalize_ftp);
	add_pending_cmd(c$ftp$pending_commands, ++c$ftp$command_seq, "<init>", "");
	}

function hide_password(s: Info): bool
	{
	return ! s$capture_password && to_lower(s$user) !in guest_ids;
	}

# Logs the command c$ftp$cmdarg with its reply (if it is one of
# logged_commands), then clears the fields that belong to one transfer.
function ftp_message(c: connection)
	{
	if ( ! c?$ftp )
		return;

	local s = c$ftp;
	s$ts = s$cmdarg$ts;
	s$command = s$cmdarg$cmd;
	s$arg = s$cmdarg$arg;
	if ( s$command in file_cmds )
		s$arg = build_url_ftp(s);

	if ( |s$arg| > max_arg_length )
		{
		Reporter::conn_weird("FTP_arg_too_long", c, cat(|s$arg|), "FTP");
		s$arg = s$arg[:max_arg_length];
		}

	if ( s?$reply_msg && |s$reply_msg| > max_reply_msg_length )
		{
		Reporter::conn_weird("FTP_reply_msg_too_long", c, cat(|s$reply_msg|), "FTP");
		s$reply_msg = s$reply_msg[:max_reply_msg_length];
		}

	if ( s$command == "PASS" && hide_password(s) )
		s$arg = "<hidden>";

	if ( s$arg == "" )
		delete s$arg;

	if ( s?$password && hide_password(s) )
		s$password = "<hidden>";

	if ( s$command in logged_commands )
		Log::write(FTP::LOG, s);

	delete s$mime_type;
	delete s$file_size;
	delete s$data_channel;
	delete s$fuid;
	}

# Remembers that s expects chan, and has the data connection analysed.
function add_expected_data_channel(s: Info, chan: ExpectedDataChannel)
	{
	s$passive = chan$passive;
	s$data_channel = chan;
	ftp_data_expected[chan$resp_h, chan$resp_p] = s;
	Analyzer::schedule_analyzer(chan$orig_h, chan$resp_h, chan$resp_p,
	                            Analyzer::ANALYZER_FTP_DATA, 5mins);
	}

event ftp_request(c: connection, command: string, arg: string) &priority=5
	{
	# A new command logs the previous one once it has its reply, so a
	# command is logged when the next comes (or the session ends).
	if ( c?$ftp && c$ftp?$cmdarg && c$ftp?$reply_code &&
	     remove_pending_cmd(c$ftp$pending_commands, c$ftp$cmdarg) )
		ftp_message(c);

	set_ftp_session(c);

	if ( |c$ftp$pending_commands| < max_pending_commands )
		add_pending_cmd(c$ftp$pending_commands, ++c$ftp$command_seq, command, arg);
	else
		Reporter::conn_weird("FTP_too_many_pending_commands", c,
		                     cat(|c$ftp$pending_commands|), "FTP");

	switch ( command )
		{
		case "USER":
			if ( |arg| > max_user_length )
				{
				Reporter::conn_weird("FTP_user_too_long", c, cat(|arg|), "FTP");
				arg = arg[:max_user_length];
				}
			c$ftp$user = arg;
			break;

		case "PASS":
			if ( |arg| > max_password_length )
				{
				Reporter::conn_weird("FTP_password_too_long", c, cat(|arg|), "FTP");
				arg = arg[:max_password_length];
				}
			c$ftp$password = arg;
			break;

		case "PORT", "EPRT":
			# Active mode: the server connects to the address given.
			local dp = command == "PORT" ? parse_ftp_port(arg) : parse_eftp_port(arg);
			if ( dp$valid )
				add_expected_data_channel(c$ftp, ExpectedDataChannel($passive=F,
				    $orig_h=c$id$resp_h, $resp_h=dp$h, $resp_p=dp$p));
			break;
		}
	}

event ftp_reply(c: connection, code: count, msg: string, cont_resp: bool) &priority=5
	{
	set_ftp_session(c);

	# The lines inside a multi-line reply have no code of their own and
	# are not matched with commands. Some servers close a multi-line
	# reply with another code than they opened it with, which leaves
	# the rest of the session inside it: a line that looks like a
	# complete reply is taken as one all the same.
	if ( cont_resp && code == 0 && c$ftp?$reply_code &&
	     /^[1-9][0-9]{2} [[:print:]]{10}.*/ !in msg )
		return;

	c$ftp$cmdarg = get_pending_cmd(c$ftp$pending_commands, code, msg);
	c$ftp$reply_code = code;
	c$ftp$reply_msg = msg;

	# Only a reply's first line carries information.
	if ( cont_resp )
		return;

	local cmd = c$ftp$cmdarg$cmd;
	if ( (code == 150 && cmd == "RETR") || (code == 213 && cmd == "SIZE") )
		{
		# The size the server announces; a SIZE's may be another
		# file's, but a later RETR's overrides it.
		c$ftp$file_size = extract_count(msg, F);
		}
	else if ( (code == 227 || code == 229) && (cmd == "PASV" || cmd == "EPSV") )
		{
		# Passive mode: the client connects to the server's port.
		local dp = code == 227 ? parse_ftp_pasv(msg) : parse_ftp_epsv(msg);
		if ( dp$valid )
			{
			c$ftp$passive = T;
			if ( code == 229 && dp$h == [::] )
				dp$h = c$id$resp_h;
			add_expected_data_channel(c$ftp, ExpectedDataChannel($passive=T,
			    $orig_h=c$id$orig_h, $resp_h=dp$h, $resp_p=dp$p));
			}
		}

	if ( [cmd, code] in directory_cmds && ! c$ftp$cmdarg$cwd_consumed )
		{
		c$ftp$cmdarg$cwd_consumed = T;
		if ( cmd == "CWD" )
			c$ftp$cwd = build_path_compressed(c$ftp$cwd, c$ftp$cmdarg$arg);
		else if ( cmd == "CDUP" )
			c$ftp$cwd = build_path_compressed(c$ftp$cwd, "/..");
		else
			c$ftp$cwd = extract_path(msg);
		}

	# With more commands waiting, the next command would not tell which
	# this reply belongs to: log it now.
	if ( |c$ftp$pending_commands| > 1 )
		{
		remove_pending_cmd(c$ftp$pending_commands, c$ftp$cmdarg);
		ftp_message(c);
		}
	}

event scheduled_analyzer_applied(c: connection, a: Analyzer::Tag) &priority=10
	{
	if ( [c$id$resp_h, c$id$resp_p] !in ftp_data_expected )
		return;

	add c$service["ftp-data"];
	Conn::register_removal_hook(c, finalize_ftp_data);
	}

event connection_reused(c: connection) &priority=5
	{
	if ( "ftp-data" in c$service )
		c$ftp_data_reuse = T;
	}

hook finalize_ftp_data(c: connection)
	{
	if ( c$ftp_data_reuse )
		return;
	delete ftp_data_expected[c$id$resp_h, c$id$resp_p];
	}

# The commands still waiting when the connection goes are logged with
# whatever reply they got.
hook finalize_ftp(c: connection)
	{
	if ( ! c?$ftp )
		return;

	for ( _, ca in c$ftp$pending_commands )
		{
		c$ftp$cmdarg = ca;
		ftp_message(c);
		}
	}
